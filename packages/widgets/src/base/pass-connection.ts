import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { HearthOptions } from '../configuration/hearth-options.js';

const settings = ['api', 'institution', 'token', 'locale', 'getToken'] as const;

/**
 * Gives a widget inside another the outer one's own connection settings (`api`, `institution`, `token`,
 * `locale`, `getToken`), as properties: `<hearth-feed ${passConnection(options)}>`. One binding instead of five
 * attribute bindings repeated on every inner element; a setting left out stays unset, so the inner widget
 * falls back to the provider and `Hearth.configure()` as the outer one does. Elements whose code is still
 * loading keep the values (Lit re-applies properties set before an element is defined).
 */
class PassConnection extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('passConnection() belongs on an element.');
  }

  render(_options: HearthOptions) {
    return nothing;
  }

  override update(part: ElementPart, [options]: [HearthOptions]) {
    const element = part.element as Element & Record<(typeof settings)[number], unknown>;
    for (const name of settings) {
      if (element[name] !== options[name]) element[name] = options[name];
    }
    return nothing;
  }
}

export const passConnection = directive(PassConnection);
