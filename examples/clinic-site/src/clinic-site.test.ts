import { seedDemo, startTestServer, testAudience, type DemoCredentials, type ListeningTestServer } from '@hearth/server/test-support';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { editions } from './editions.js';
import { MissingCredentialsError, startClinicSite, type ClinicSite } from './index.js';

/**
 * The clinic site over real HTTP, in front of a real Hearth API seeded with the demo hospitals: its pages embed
 * the widgets from the API's origin, and the tokens its backend signs for a signed-in visitor are ones the API
 * accepts.
 */
let api: ListeningTestServer;
let credentials: DemoCredentials;
let site: ClinicSite;

beforeAll(async () => {
  api = await startTestServer('pglite');
  const seeded = await seedDemo(api.database.db);
  if (!seeded) throw new Error('The demo was already seeded in a fresh database.');
  credentials = seeded;
  site = await startClinicSite({ apiUrl: api.url, credentials: () => credentials, audience: testAudience });
});
afterAll(async () => {
  await site?.close();
  await api?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${site.url}${path}`, { headers, redirect: 'manual' });

function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${site.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

/** Signs in through the demo sign-in page; returns the cookie a browser would then send. */
async function signIn(member: string, prefix = ''): Promise<string> {
  const response = await post(`${prefix}/sign-in`, { member, return: `${prefix}/` });
  expect(response.status).toBe(303);
  const [cookie] = response.headers.getSetCookie();
  expect(cookie).toMatch(/; HttpOnly; SameSite=Lax/);
  return cookie!.split(';')[0]!;
}

async function tokenFor(institution: string, cookie?: string): Promise<string | null> {
  const response = await get(`/api/hearth-token?institution=${institution}`, cookie ? { cookie } : {});
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return ((await response.json()) as { token: string | null }).token;
}

async function displayNameIn(token: string): Promise<unknown> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'query { me { displayName } }' }),
  });
  const body = (await response.json()) as { data?: { me: { displayName: string } | null }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data?.me?.displayName;
}

/** The words a reader sees: no tags, no scripts, no styles. */
function visibleText(page: string): string {
  return page
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

describe('the pages', () => {
  it('serves the English hospital left to right, loading the widgets from the API and configuring them inline', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toMatch(/^<!doctype html>\s*<html lang="en" dir="ltr">/);
    expect(page).toContain('Riverside Hospital');
    expect(page).toContain(`<script type="module" src="${api.url}/widgets/hearth.js"></script>`);
    expect(page).toContain('<hearth-group-finder group-href="/groups/{slug}"></hearth-group-finder>');
    // A member's conversations with the facilitators (outreach) lead the home page when there are any.
    expect(page).toContain('<hearth-outreach-inbox heading-level="2"></hearth-outreach-inbox>');
    expect(page).toContain('const institution = "riverside";');
    expect(page).toContain(`const api = "${api.url}";`);
    expect(page).toContain("addEventListener('hearth-sign-in-request'");

    // The inline configuration runs by its nonce; scripts otherwise come only from this site and the API.
    const policy = response.headers.get('content-security-policy')!;
    const nonce = /<script type="module" nonce="([^"]+)">/.exec(page)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain(`script-src 'self' ${new URL(api.url).origin} 'nonce-${nonce}'`);
    expect(policy).toContain(`connect-src 'self' ${new URL(api.url).origin}`);
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).not.toContain('unsafe-eval');
    const again = await (await get('/')).text();
    expect(/nonce="([^"]+)"/.exec(again)?.[1]).not.toBe(nonce);
  });

  it('serves the Arabic hospital right to left, entirely in Arabic', async () => {
    const home = await (await get('/ar/')).text();
    expect(home).toMatch(/<html lang="ar" dir="rtl">/);
    expect(home).toContain('مستشفى النور');
    expect(home).toContain('<hearth-group-finder group-href="/ar/groups/{slug}"></hearth-group-finder>');
    expect(home).toContain('const institution = "nour";');
    expect(home).toContain('locale: "ar"');
    expect((await get('/ar')).headers.get('location')).toBe('/ar/');

    for (const path of ['/ar/', '/ar/groups/diabetes-support', '/ar/facilitators', '/ar/sign-in', '/ar/no-such-page']) {
      const page = await (await get(path)).text();
      expect(page, path).toMatch(/<html lang="ar" dir="rtl">/);
      // Only the product's name and the link to the English site are in Latin letters.
      const latin = visibleText(page).replace(/\bHearth\b|\bEnglish\b/g, '').match(/[A-Za-z]+/g);
      expect(latin, path).toBeNull();
    }
  });

  it('embeds a group by the slug in its address, with linked conversations, and the moderation queue on the facilitators page', async () => {
    const group = await (await get('/groups/type-2-diabetes-circle')).text();
    expect(group).toContain('<hearth-group group="type-2-diabetes-circle" thread-link="thread"></hearth-group>');
    const arabicGroup = await (await get('/ar/groups/diabetes-support')).text();
    expect(arabicGroup).toContain('<hearth-group group="diabetes-support" thread-link="thread"></hearth-group>');
    // A link to a conversation is the group's page with the thread in its query: the same page.
    const linked = await get('/groups/type-2-diabetes-circle?thread=UG9zdDox');
    expect(linked.status).toBe(200);
    expect(await linked.text()).toContain('<hearth-group group="type-2-diabetes-circle" thread-link="thread"></hearth-group>');
    for (const path of ['/facilitators', '/ar/facilitators']) {
      expect(await (await get(path)).text(), path).toContain('<hearth-moderation-queue></hearth-moderation-queue>');
    }
  });

  it("tells readers to call the emergency number its hospital's crisis resources list first, in each language", async () => {
    for (const edition of Object.values(editions)) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hearth-institution': edition.institution },
        body: JSON.stringify({ query: `{ institution(slug: "${edition.institution}") { crisisResources(locale: "${edition.lang}") { phone locale } } }` }),
      });
      const body = (await response.json()) as { data?: { institution: { crisisResources: Array<{ phone: string | null; locale: string }> } } };
      const [first] = body.data?.institution.crisisResources ?? [];
      expect(first?.locale, edition.lang).toBe(edition.lang);
      // The bar on every page and the crisis box name the same number as the help Hearth shows in a crisis.
      expect(edition.text.emergencyLine, edition.lang).toContain(first?.phone);
      expect(edition.text.crisis.text, edition.lang).toContain(first?.phone);
    }
  });

  it('escapes what the address says before putting it in the page', async () => {
    const script = await (await get(`/groups/${encodeURIComponent('<script>alert(1)</script>')}`)).text();
    expect(script).toContain('<hearth-group group="&lt;script&gt;alert(1)&lt;/script&gt;" thread-link="thread"></hearth-group>');
    expect(script).not.toContain('<script>alert(1)');

    const attribute = await (await get(`/groups/${encodeURIComponent('x" onmouseover="alert(1)')}`)).text();
    expect(attribute).toContain('group="x&quot; onmouseover=&quot;alert(1)"');
  });

  it('answers an unknown address with a friendly page in the right language', async () => {
    const english = await get('/visiting-hours');
    expect(english.status).toBe(404);
    const page = await english.text();
    expect(page).toContain('We couldn’t find that page');
    expect(page).toContain('lang="en"');
    const arabic = await get('/ar/visiting-hours');
    expect(arabic.status).toBe(404);
    expect(await arabic.text()).toContain('لم نجد هذه الصفحة');
    expect((await get('/groups/%E0%A4%A')).status).toBe(404);
  });
});

describe('signing in on the site, and the token its backend signs for Hearth', () => {
  it('lists the hospital\'s own people to pick from, each a button in a POST form', async () => {
    const page = await (await get('/sign-in?return=/groups/type-2-diabetes-circle')).text();
    expect(page).toContain('Demo sign-in: pick who you are');
    expect(page).toMatch(/<form method="post" action="\/sign-in"/);
    expect(page).toContain('<input type="hidden" name="return" value="/groups/type-2-diabetes-circle">');
    for (const [id, name] of [['demo-amal', 'Amal Haddad'], ['demo-omar', 'Omar Farouk'], ['demo-sara', 'Sara Whitfield'], ['demo-lina', 'Lina Mansour'], ['demo-admin', 'Jordan Blake']]) {
      expect(page).toMatch(new RegExp(`<button class="person" type="submit" name="member" value="${id}">[\\s\\S]*?${name}`));
    }
    const arabic = await (await get('/ar/sign-in')).text();
    expect(arabic).toContain('تسجيل دخول تجريبي: اختر من أنت');
    for (const id of ['demo-huda', 'demo-mariam', 'demo-reem', 'demo-salem', 'demo-khalid']) expect(arabic).toContain(`value="${id}"`);
    expect(arabic).toContain('هدى الشمري');
  });

  it('signs in with a cookie, goes back where the visitor was, and shows who is signed in', async () => {
    const response = await post('/sign-in', { member: 'demo-amal', return: '/groups/type-2-diabetes-circle?tab=feed' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/groups/type-2-diabetes-circle?tab=feed');
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^clinic_session_riverside=demo-amal\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax/);

    const page = await (await get('/', { cookie: cookie.split(';')[0]! })).text();
    expect(page).toContain('<span class="account-label">Signed in as</span> <strong>Amal Haddad</strong>');
    expect(page).toMatch(/<form class="account-form" method="post" action="\/sign-out">/);
    expect(await (await get('/')).text()).toMatch(/<a class="button button-quiet" href="\/sign-in\?return=%2F">Sign in<\/a>/);
  });

  it('gives a signed-in visitor a short-lived token the API accepts as that member', async () => {
    const cookie = await signIn('demo-amal');
    const token = await tokenFor('riverside', cookie);
    expect(token).toEqual(expect.any(String));
    expect(decodeProtectedHeader(token!)).toEqual({ alg: 'HS256', kid: 'demo-1' });
    const claims = decodeJwt(token!);
    expect(claims).toMatchObject({ iss: 'riverside', sub: 'demo-amal', aud: testAudience, name: 'Amal Haddad', locale: 'en' });
    expect(claims.exp! - claims.iat!).toBe(600);
    expect(await displayNameIn(token!)).toBe('Amal Haddad');
  });

  it('signs in to the Arabic hospital apart from the English one', async () => {
    const cookie = await signIn('demo-huda', '/ar');
    const token = await tokenFor('nour', cookie);
    expect(decodeJwt(token!)).toMatchObject({ iss: 'nour', sub: 'demo-huda', locale: 'ar' });
    expect(await displayNameIn(token!)).toBe('هدى الشمري');
    // Huda has no account at Riverside, and the English site's sign-in is its own.
    expect(await tokenFor('riverside', cookie)).toBeNull();
    expect(await (await get('/ar/', { cookie })).text()).toContain('<span class="account-label">مسجَّل الدخول باسم</span> <strong>هدى الشمري</strong>');
  });

  it('gives no token to a visitor who is not signed in, or who signed out', async () => {
    expect(await tokenFor('riverside')).toBeNull();
    const cookie = await signIn('demo-sara');
    const signOut = await post('/sign-out', { return: '/facilitators' }, { cookie });
    expect(signOut.status).toBe(303);
    expect(signOut.headers.get('location')).toBe('/facilitators');
    expect(signOut.headers.getSetCookie()[0]).toMatch(/^clinic_session_riverside=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
  });

  it('refuses a forged cookie, one from another hospital, and one signed by another process', async () => {
    const amal = await signIn('demo-amal');
    const signature = amal.split('.').pop()!;
    expect(await tokenFor('riverside', `clinic_session_riverside=demo-admin.${signature}`)).toBeNull();
    expect(await tokenFor('riverside', 'clinic_session_riverside=demo-admin')).toBeNull();
    expect(await tokenFor('riverside', 'clinic_session_riverside=demo-admin.')).toBeNull();
    expect(await tokenFor('nour', amal.replace('clinic_session_riverside', 'clinic_session_nour'))).toBeNull();

    const otherSite = await startClinicSite({ apiUrl: api.url, credentials: () => credentials, audience: testAudience });
    try {
      const response = await fetch(`${otherSite.url}/api/hearth-token?institution=riverside`, { headers: { cookie: amal } });
      expect(await response.json()).toEqual({ token: null });
    } finally {
      await otherSite.close();
    }
  });

  it.each(['//evil.example', '//evil.example/groups', 'https://evil.example/', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', '/groups/x\nSet-Cookie: a=b'])(
    'sends the visitor home rather than to %j after signing in',
    async (target) => {
      const response = await post('/sign-in', { member: 'demo-amal', return: target });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/');
      const page = await (await get(`/sign-in?return=${encodeURIComponent(target)}`)).text();
      expect(page).toContain('<input type="hidden" name="return" value="/">');
    },
  );

  it('refuses a sign-in posted from another site, an unknown person and an unknown hospital', async () => {
    expect((await post('/sign-in', { member: 'demo-admin', return: '/' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('/sign-in', { member: 'demo-admin', return: '/' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post('/sign-in', { member: 'demo-huda', return: '/' })).status).toBe(400);
    const token = await get('/api/hearth-token?institution=elsewhere');
    expect(token.status).toBe(400);
    const crossSite = await get('/api/hearth-token?institution=riverside', { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('says so, without a token, when it has no key for the hospital yet', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unseeded = await startClinicSite({
      apiUrl: api.url,
      credentials: () => {
        throw new MissingCredentialsError('no credentials file yet');
      },
    });
    try {
      const signedIn = await fetch(`${unseeded.url}/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'member=demo-amal&return=/',
        redirect: 'manual',
      });
      const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
      const response = await fetch(`${unseeded.url}/api/hearth-token?institution=riverside`, { headers: { cookie } });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: expect.stringContaining('no SSO key') });
      expect(logged).toHaveBeenCalledWith('clinic-site: no credentials file yet');
    } finally {
      logged.mockRestore();
      await unseeded.close();
    }
  });
});
