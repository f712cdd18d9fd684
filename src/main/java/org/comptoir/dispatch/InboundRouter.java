package org.comptoir.dispatch;

/**
 * Decides what a stored inbound message means and acts on it (an opt-out, a confirmation, a question for the
 * owner). The sending engine calls it once per stored message, after the message is stored and before the next
 * send, on the engine's thread; it may block on the database. A message the router throws on stays unhandled
 * ({@code inbound.handled_as} NULL) and is offered again at the next collection.
 */
public interface InboundRouter {

    /** @return how the message was handled, stored in {@code inbound.handled_as} (e.g. {@code OPT_OUT}, {@code REVIEW}) */
    String route(StoredInbound message);
}
