package org.excamera.rendezvous;

/** What a successful publish did. Both mean the state is durable on the server. */
public enum PublishOutcome {
  /** This publish stored the state. */
  CREATED,
  /** The same bytes were already stored under the key (a retried publish). */
  ALREADY_PRESENT
}
