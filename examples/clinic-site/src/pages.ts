import { editions, pathIn, type Edition, type SiteUser } from './editions.js';
import { html, scriptLiteral, type Html } from './html.js';

/** What every page of the site needs besides its own content. */
export interface PageContext {
  edition: Edition;
  /** The path of this page (with its query), where sign-in and sign-out come back to. */
  currentPath: string;
  user: SiteUser | null;
  /** The Hearth API's base URL, e.g. `http://localhost:4000`. */
  apiUrl: string;
  /** This response's CSP nonce, for the inline script that configures the widgets. */
  nonce: string;
  /** The address of the stylesheet (it carries a hash of the file, so browsers may keep it long). */
  stylesheet: string;
}

type Section = 'groups' | 'facilitators' | 'sign-in' | null;

interface PageContent {
  title: string;
  section: Section;
  /**
   * The page's path when the other language's site has the same page, where the language switch leads; else
   * the switch leads to the other site's home (a group, say, belongs to one hospital).
   */
  sharedPath?: '/facilitators' | '/sign-in';
  main: Html;
}

const riversideMark = html`<svg class="brand-mark" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
  <circle cx="24" cy="24" r="22" fill="currentColor" opacity="0.12"/>
  <path d="M24 9c-4.4 6-9 11-9 17a9 9 0 0 0 18 0c0-6-4.6-11-9-17z" fill="currentColor"/>
  <path d="M8 33c4 0 4-2.5 8-2.5s4 2.5 8 2.5 4-2.5 8-2.5 4 2.5 8 2.5" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>
</svg>`;

const nourMark = html`<svg class="brand-mark" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
  <circle cx="24" cy="24" r="22" fill="currentColor" opacity="0.12"/>
  <circle cx="24" cy="26" r="8" fill="currentColor"/>
  <path d="M24 8v6M12.7 12.7l4.2 4.2M35.3 12.7l-4.2 4.2M7 26h6M35 26h6" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>
</svg>`;

/**
 * The widgets as a hospital loads them: the bundle from the Hearth API's origin, then one inline module (it runs
 * after the bundle, module scripts keeping their order) that tells them where the API is, whose groups these are,
 * and how to get a token for whoever is signed in on this site.
 */
function widgetScripts(context: PageContext): Html {
  const { edition, apiUrl, nonce } = context;
  return html`<script type="module" src="${apiUrl}/widgets/hearth.js"></script>
    <script type="module" nonce="${nonce}">
      const api = ${scriptLiteral(apiUrl)};
      const institution = ${scriptLiteral(edition.institution)};
      const signInPage = ${scriptLiteral(pathIn(edition, '/sign-in'))};
      // A widget asks the host to sign its reader in (to join, post, react...): this site's own sign-in, then back.
      document.addEventListener('hearth-sign-in-request', () => {
        location.assign(signInPage + '?return=' + encodeURIComponent(location.pathname + location.search));
      });
      if (window.Hearth) {
        window.Hearth.configure({
          api,
          institution,
          locale: ${scriptLiteral(edition.lang)},
          // This site's backend signs a short-lived token for its signed-in user (null for a guest).
          getToken: () =>
            fetch('/api/hearth-token?institution=' + institution, { credentials: 'same-origin' })
              .then((response) => (response.ok ? response.json() : { token: null }))
              .then((body) => body.token),
        });
      } else {
        document.documentElement.classList.add('hearth-unavailable');
        console.error('Hearth widgets did not load from ' + api + '/widgets/hearth.js (open that address to see why).');
      }
    </script>`;
}

function accountArea(context: PageContext): Html {
  const { edition, user, currentPath } = context;
  const text = edition.text;
  if (!user) {
    return html`<a class="button button-quiet" href="${pathIn(edition, '/sign-in')}?return=${encodeURIComponent(currentPath)}">${text.signIn}</a>`;
  }
  return html`<form class="account-form" method="post" action="${pathIn(edition, '/sign-out')}">
    <span class="account-name"><span class="account-label">${text.signedInAs}</span> <strong>${user.name}</strong></span>
    <span aria-hidden="true">·</span>
    <input type="hidden" name="return" value="${currentPath}">
    <button class="link-button" type="submit">${text.signOut}</button>
  </form>`;
}

function layout(context: PageContext, page: PageContent): Html {
  const { edition } = context;
  const text = edition.text;
  const current = (section: Section) => (page.section === section ? html` aria-current="page"` : '');
  return html`<!doctype html>
<html lang="${edition.lang}" dir="${edition.dir}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${page.title} · ${edition.hospitalName}</title>
    <meta name="description" content="${text.home.lead}">
    <meta name="theme-color" content="#1f5c57">
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="${context.stylesheet}">
    ${widgetScripts(context)}
  </head>
  <body>
    <a class="skip-link" href="#main">${text.skipToContent}</a>
    <div class="utility-bar">
      <div class="container utility-inner">
        <p class="emergency">${text.emergencyLine}</p>
        ${text.switchboard ? html`<p class="switchboard">${text.switchboard}</p>` : ''}
        <a class="language-switch" href="${pathIn(edition.lang === 'en' ? editions.ar : editions.en, page.sharedPath ?? '/')}" lang="${text.languageSwitch.lang}" hreflang="${text.languageSwitch.lang}">${text.languageSwitch.label}</a>
      </div>
    </div>
    <header class="site-header">
      <div class="container header-inner">
        <a class="brand" href="${pathIn(edition, '/')}">
          ${edition.institution === 'nour' ? nourMark : riversideMark}
          <span class="brand-text">
            <span class="brand-name">${edition.hospitalName}</span>
            <span class="brand-department">${text.department}</span>
          </span>
        </a>
        <div class="header-tools">
          ${accountArea(context)}
        </div>
        <nav class="site-nav" aria-label="${text.navGroups}">
          <ul>
            <li><a href="${pathIn(edition, '/')}"${current('groups')}>${text.navGroups}</a></li>
            <li><a href="${pathIn(edition, '/facilitators')}"${current('facilitators')}>${text.navFacilitators}</a></li>
          </ul>
        </nav>
      </div>
    </header>
    <main id="main" tabindex="-1">
${page.main}
    </main>
    <footer class="site-footer">
      <div class="container footer-inner">
        <div>
          <p class="footer-name">${text.footer.address[0]}</p>
          ${text.footer.address.slice(1).map((line) => html`<p>${line}</p>`)}
        </div>
        <nav aria-label="${text.footer.links}">
          <ul class="footer-links">
            <li><a href="${pathIn(edition, '/')}">${text.navGroups}</a></li>
            <li><a href="${pathIn(edition, '/facilitators')}">${text.navFacilitators}</a></li>
            <li><a href="${pathIn(edition, '/sign-in')}">${text.signIn}</a></li>
          </ul>
        </nav>
        <div class="footer-notes">
          <p>${text.footer.poweredBy}</p>
          <p>${text.footer.demoNotice}</p>
        </div>
      </div>
    </footer>
  </body>
</html>
`;
}

function crisisCard(edition: Edition): Html {
  return html`<section class="card card-crisis" aria-labelledby="crisis-heading">
    <h2 id="crisis-heading">${edition.text.crisis.heading}</h2>
    <p>${edition.text.crisis.text}</p>
  </section>`;
}

/** The page's main column, where a widget goes (with what to say if the bundle failed to load), and its sidebar. */
function withSidebar(edition: Edition, primary: Html, sidebar: Html): Html {
  return html`<div class="container page-grid">
        <div class="primary">
          ${primary}
          <p class="widget-unavailable" role="status">${edition.text.scriptFailed}</p>
        </div>
        <aside class="sidebar">
          ${sidebar}
        </aside>
      </div>`;
}

export function homePage(context: PageContext): Html {
  const { edition } = context;
  const text = edition.text.home;
  const hero = html`<section class="hero">
        <div class="container hero-inner">
          <p class="eyebrow">${text.eyebrow}</p>
          <h1>${text.heading}</h1>
          <p class="lead">${text.lead}</p>
          <ul class="hero-points">
            ${text.points.map((point) => html`<li>${point}</li>`)}
          </ul>
        </div>
      </section>`;
  // A member's private conversations with facilitators (outreach) come first when there are any; the element
  // shows nothing to guests or to members without one.
  const finder = html`<hearth-outreach-inbox heading-level="2"></hearth-outreach-inbox>
          <p class="section-intro">${text.findIntro}</p>
          <hearth-group-finder group-href="${pathIn(edition, '/groups/{slug}')}"></hearth-group-finder>`;
  const joining = html`<section class="card" aria-labelledby="how-heading">
            <h2 id="how-heading">${text.howHeading}</h2>
            <ol class="steps">
              ${text.howSteps.map((step) => html`<li><strong>${step.title}</strong> ${step.text}</li>`)}
            </ol>
          </section>`;
  return layout(context, {
    title: text.title,
    section: 'groups',
    main: html`${hero}
      ${withSidebar(edition, finder, html`${joining}${crisisCard(edition)}`)}`,
  });
}

export function groupPage(context: PageContext, slug: string): Html {
  const { edition } = context;
  const text = edition.text.group;
  const breadcrumb = html`<div class="container">
        <nav class="breadcrumb" aria-label="${text.breadcrumb}">
          <ol>
            <li><a href="${pathIn(edition, '/')}">${text.breadcrumb}</a></li>
            <li aria-current="page">${text.current}</li>
          </ol>
        </nav>
        <h1 class="visually-hidden">${text.title}</h1>
      </div>`;
  const about = html`<section class="card" aria-labelledby="about-heading">
            <h2 id="about-heading">${text.asideHeading}</h2>
            <p>${text.asideText}</p>
          </section>`;
  return layout(context, {
    title: text.title,
    section: 'groups',
    main: html`${breadcrumb}
      ${withSidebar(edition, html`<hearth-group group="${slug}" thread-link="thread"></hearth-group>`, html`${about}${crisisCard(edition)}`)}`,
  });
}

export function facilitatorsPage(context: PageContext): Html {
  const { edition, user } = context;
  const text = edition.text.facilitators;
  const signInLink = html`<a href="${pathIn(edition, '/sign-in')}?return=${encodeURIComponent(context.currentPath)}">${edition.text.signIn}</a>`;
  const intro = html`<div class="container page-intro">
        <h1>${text.heading}</h1>
        <p class="section-intro">${text.intro}</p>
        ${user?.staff ? '' : html`<p class="notice">${text.signedOutHint} ${signInLink}</p>`}
      </div>`;
  const guidance = html`<section class="card" aria-labelledby="guidance-heading">
            <h2 id="guidance-heading">${text.guidanceHeading}</h2>
            <ul class="guidance">
              ${text.guidance.map((line) => html`<li>${line}</li>`)}
            </ul>
          </section>`;
  return layout(context, {
    title: text.title,
    section: 'facilitators',
    sharedPath: '/facilitators',
    main: html`${intro}
      ${withSidebar(edition, html`<hearth-moderation-queue></hearth-moderation-queue>`, guidance)}`,
  });
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => [...word][0] ?? '')
    .join('');
}

export function signInPage(context: PageContext, returnPath: string): Html {
  const { edition, user } = context;
  const text = edition.text.signInPage;
  const people = (users: SiteUser[]) =>
    users.map(
      (person) => html`<li>
        <button class="person" type="submit" name="member" value="${person.externalId}">
          <span class="avatar" aria-hidden="true">${initials(person.name)}</span>
          <span class="person-text">
            <span class="person-name">${person.name}</span>
            <span class="person-about">${person.about}</span>
          </span>
        </button>
      </li>`,
    );
  return layout(context, {
    title: text.title,
    section: 'sign-in',
    sharedPath: '/sign-in',
    main: html`<div class="container narrow">
        <h1>${text.heading}</h1>
        <p class="section-intro">${text.intro}</p>
        ${user ? html`<p class="notice">${text.signedInNote} <strong>${user.name}</strong>.</p>` : ''}
        <form method="post" action="${pathIn(edition, '/sign-in')}" class="people-form">
          <input type="hidden" name="return" value="${returnPath}">
          <h2>${text.patients}</h2>
          <ul class="people">${people(edition.users.filter((person) => !person.staff))}</ul>
          <h2>${text.staff}</h2>
          <ul class="people">${people(edition.users.filter((person) => person.staff))}</ul>
        </form>
      </div>`,
  });
}

export function notFoundPage(context: PageContext): Html {
  const { edition } = context;
  const text = edition.text.notFound;
  return layout(context, {
    title: text.title,
    section: null,
    main: html`<div class="container narrow not-found">
        <h1>${text.heading}</h1>
        <p class="section-intro">${text.text}</p>
        <p><a class="button" href="${pathIn(edition, '/')}">${text.back}</a></p>
      </div>`,
  });
}
