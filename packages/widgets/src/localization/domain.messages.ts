import { catalog } from './catalog.js';
import type { DomainMessages } from './domain.messages.en.js';

/** The domain strings; their text is in domain.messages.en.ts and domain.messages.ar.ts, loaded per language. */
export const domainMessages = catalog<DomainMessages>('domainMessages');
