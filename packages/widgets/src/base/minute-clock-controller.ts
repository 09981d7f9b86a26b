import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Hosts that show times relative to now ("3 minutes ago"); one timer for the whole page serves them all. */
const hosts = new Set<ReactiveControllerHost>();
let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Re-renders its host once a minute while it is on the page, so "just now" becomes "2 minutes ago" for a reader
 * who keeps the page open. Lit re-renders only what changed: the times.
 */
export class MinuteClockController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    timer ??= setInterval(() => {
      for (const host of hosts) host.requestUpdate();
    }, 60_000);
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }
}
