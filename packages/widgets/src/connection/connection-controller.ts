import type { HearthClient } from '@hearth/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { closestAcrossShadows } from '../configuration/closest-across-shadows.js';
import { onPageConfiguration, pageConfiguration, type HearthOptions } from '../configuration/hearth-options.js';
import type { HearthProvider } from '../hearth-provider/hearth-provider.js';
import { clientFor } from './client-registry.js';

/** What the element itself says (its attributes and `getToken` property). */
export type OwnOptions = () => HearthOptions;

/**
 * Gives a widget its API client from, in order of precedence, its own attributes, the nearest
 * `<hearth-provider>` and `Hearth.configure()`. `revision` changes whenever any of them does, so data loading
 * keyed on it reloads (after the host's user signs in, say).
 */
export class ConnectionController implements ReactiveController {
  /** Bumped on every configuration change that may change what the API answers. */
  revision = 0;
  #unsubscribe: Array<() => void> = [];

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly own: OwnOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const changed = () => {
      this.revision += 1;
      this.host.requestUpdate();
    };
    this.#unsubscribe.push(onPageConfiguration(changed));
    const provider = this.#provider();
    if (provider) this.#unsubscribe.push(provider.subscribe(changed));
    // The element may have been moved under another provider while detached.
    this.revision += 1;
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
  }

  /** The options in force for this element. */
  get options(): HearthOptions {
    const layers = [pageConfiguration(), this.#provider()?.options ?? {}, this.own()];
    const merged: HearthOptions = {};
    for (const layer of layers) {
      for (const [name, value] of Object.entries(layer) as Array<[keyof HearthOptions, never]>) {
        if (value !== undefined && value !== null && value !== '') merged[name] = value;
      }
    }
    // A token given by one layer and a token source by another: the nearer layer decides.
    const own = this.own();
    if (own.token) delete merged.getToken;
    else if (own.getToken) delete merged.token;
    return merged;
  }

  /** The client, or null while no `api` is configured (the widget shows how to configure it). */
  get client(): HearthClient | null {
    const options = this.options;
    if (!options.api) return null;
    try {
      return clientFor({ ...options, api: options.api });
    } catch {
      // Not a URL: treated like a missing one.
      return null;
    }
  }

  /** Whether the host has a way to sign its user in (a token or a token source); the API decides the rest. */
  get mayHaveMember(): boolean {
    const options = this.options;
    return Boolean(options.token || options.getToken);
  }

  #provider(): HearthProvider | null {
    return closestAcrossShadows(this.host, 'hearth-provider') as HearthProvider | null;
  }
}
