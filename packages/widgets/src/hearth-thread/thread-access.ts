import type { HearthClient } from '@hearth/client';
import type { TokenSource } from '../configuration/hearth-options.js';
import type { CommonMessages } from '../localization/common.messages.en.js';
import type { LocaleController } from '../localization/locale-controller.js';
import type { ThreadModel } from './thread-model.js';

/**
 * What the thread's controllers (reactions, reporting, paging, the reply composers) need from `<hearth-thread>`, whose own
 * members are protected: its client and sign-in state, its strings, its live region and the conversation shown.
 */
export interface ThreadAccess {
  client(): HearthClient | null;
  /** The host has a way to sign its user in (a token or a token source). */
  mayHaveMember(): boolean;
  readonly i18n: LocaleController;
  common(): CommonMessages;
  announce(message: string): void;
  requestSignIn(action: string): void;
  root(): HTMLElement | DocumentFragment;
  /** The conversation as shown, null until loaded (or when the post is not available). */
  model(): ThreadModel | null;
  /** Shows a changed conversation; `reloaded` when it came fresh from the API (reactions shown are its own again). */
  setModel(model: ThreadModel, change: 'paged' | 'reloaded'): void;
  /** Top-level replies per page, as the API accepts it. */
  pageSize(): number;
  /** The thread's own configuration attributes, for the elements it renders that talk to the API themselves. */
  configuration(): { api?: string | undefined; institution?: string | undefined; token?: string | undefined; getToken?: TokenSource | undefined; locale?: string | undefined };
}
