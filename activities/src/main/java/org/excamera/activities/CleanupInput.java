package org.excamera.activities;

/**
 * Input of {@link JobActivities#cleanupJob}.
 *
 * @param jobId the job
 * @param workRoot its work directory (empty when the split never ran)
 * @param keepIntermediates keep chunk objects (for debugging); states are always dropped
 */
public record CleanupInput(String jobId, String workRoot, boolean keepIntermediates) {}
