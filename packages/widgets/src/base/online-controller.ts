import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks `navigator.onLine`; calls `onBack` when the connection returns (widgets reload what failed). */
export class OnlineController implements ReactiveController {
  online = typeof navigator === 'undefined' ? true : navigator.onLine;
  readonly #update = () => {
    const wasOnline = this.online;
    this.online = navigator.onLine;
    this.host.requestUpdate();
    if (this.online && !wasOnline) this.onBack?.();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onBack?: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.online = navigator.onLine;
    window.addEventListener('online', this.#update);
    window.addEventListener('offline', this.#update);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#update);
    window.removeEventListener('offline', this.#update);
  }
}
