/** Renders the custom-elements manifest as the widgets' reference page (docs/widgets-reference.md). */

interface Described {
  name: string;
  description?: string;
  summary?: string;
  default?: string;
  type?: { text: string };
}
interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  attribute?: string;
}
interface Declaration extends Described {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Array<Described & { fieldName?: string }>;
  members?: Member[];
  events?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
  slots?: Described[];
}
export interface Manifest {
  schemaVersion: string;
  modules: Array<{ path: string; declarations?: Declaration[] }>;
}

const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();
const code = (text: string | undefined) => (text ? `\`${text.replace(/`/g, "'")}\`` : '');

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n') + '\n';
}

function section(title: string, body: string): string {
  return body ? `**${title}**\n\n${body}\n` : '';
}

function renderElement(element: Declaration, modulePath: string): string {
  // Reactive state (`state: true`, private or protected fields) is internal, whatever the analyzer lists.
  const internal = new Set((element.members ?? []).filter((member) => member.privacy && member.privacy !== 'public').map((member) => member.name));
  const attributes = (element.attributes ?? []).filter((attribute) => !internal.has(attribute.fieldName ?? attribute.name));
  const attributeFields = new Set(attributes.map((attribute) => attribute.fieldName));
  const properties = (element.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !attributeFields.has(member.name) && !member.name.startsWith('#'),
  );
  return [
    `## \`<${element.tagName}>\`\n`,
    element.summary ? `${element.summary}\n` : '',
    element.description ? `${element.description}\n` : '',
    `Class \`${element.name}\`, source \`packages/widgets/${modulePath}\`.\n`,
    section('Attributes', table(['attribute', 'property', 'type', 'default', 'description'], attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)]))),
    section('Properties (JavaScript only)', table(['property', 'type', 'description'], properties.map((p) => [code(p.name), code(p.type?.text), cell(p.description)]))),
    section('Events', table(['event', 'description'], (element.events ?? []).filter((e) => e.name).map((e) => [code(e.name), cell(e.description)]))),
    section('Slots', table(['slot', 'description'], (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]))),
    section('CSS parts (`::part()`)', table(['part', 'description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]))),
    section('CSS custom properties', table(['property', 'default', 'description'], (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]))),
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderReference(manifest: Manifest): string {
  const elements = manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ declaration, path: module.path })))
    .filter(({ declaration }) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.declaration.tagName!.localeCompare(b.declaration.tagName!));
  return [
    '# Widgets reference',
    '',
    '<!-- Generated from packages/widgets/dist/custom-elements.json by `pnpm --filter @hearth/widgets build`; edit the components\' JSDoc, not this file. -->',
    '',
    'Every element, with the attributes, properties, events, CSS parts and custom properties it declares. The',
    '[embedding guide](embedding.md) shows how to put them on a page.',
    '',
    ...elements.map(({ declaration, path }) => renderElement(declaration, path)),
  ].join('\n');
}
