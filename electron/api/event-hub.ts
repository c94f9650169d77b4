import type { EventName, EventPayload } from './contract';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Services publish contract events here; each transport forwards them to its pages. */
export class EventHub {
  readonly #listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) listener(name, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
