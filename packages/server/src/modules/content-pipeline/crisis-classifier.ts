import type { Logger } from 'pino';
import { z } from 'zod';
import { riskLevels, warningSigns, type RiskLevel, type WarningSign } from './content-pipeline.js';

/**
 * An institution's own crisis classifier, called over HTTP: Hearth POSTs the text and reads back a risk level.
 * It can only add to what the built-in detector found (crisis-classifier-stage.ts), and Hearth never depends on
 * it: a slow, failing or confused classifier is logged and ignored, so the built-in detector decides.
 */

/** How long Hearth waits for the classifier by default: a writer in crisis must not wait on a slow service. */
export const defaultCrisisClassifierTimeoutMs = 1500;

/** Loopback hosts, where plain http is allowed (a classifier beside the server, and tests). */
const loopbackHosts: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

function classifierUrlProblem(value: string): string | null {
  if (!URL.canParse(value)) return 'Use an https URL such as https://classifier.clinic.example/check.';
  const url = new URL(value);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname))) {
    return 'Use an https URL (plain http only for localhost, 127.0.0.1 or [::1]).';
  }
  // fetch refuses URLs with credentials; a secret belongs in the path or query instead.
  if (url.username !== '' || url.password !== '') return 'Leave the user name and password out of the URL.';
  if (url.hash !== '') return 'Leave out the fragment (#…): it is never sent.';
  return null;
}

/** UpdateInstitutionInput.crisisClassifierUrl: https, or http on a loopback host. */
export const crisisClassifierUrl = z
  .string()
  .trim()
  .max(500, 'Must be at most 500 characters.')
  .superRefine((value, context) => {
    const problem = classifierUrlProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** What Hearth sends: the text (title and body together), the writer's locale, and what kind of item it is. */
export interface CrisisClassifierRequest {
  text: string;
  locale: string;
  /** 'post' or 'reply' (lower-case ContentDraft kinds). */
  kind: string;
  /** True when the text replaces an existing item's (an edit). */
  edit: boolean;
}

export interface CrisisClassifierAnswer {
  riskLevel: RiskLevel | null;
  warningSigns: WarningSign[];
}

/**
 * The answer Hearth accepts. Warning signs Hearth doesn't know are dropped rather than voiding the answer: a
 * classifier that names a new category must still be able to raise the risk level.
 */
const answerSchema = z.object({
  riskLevel: z.enum(riskLevels as [RiskLevel, ...RiskLevel[]]).nullable(),
  warningSigns: z.array(z.string().max(100)).max(50).default([]),
});

const knownSigns: ReadonlySet<string> = new Set(warningSigns);

/** Larger answers are not a risk level and a list of signs; reading them would only cost memory. */
const maxAnswerBytes = 64 * 1024;

type Failure = { reason: 'timeout' | 'network' | 'status' | 'too-large' | 'malformed'; status?: number; issues?: string[]; code?: string };

/** Where a failure is logged: the URL's origin only, since its path or query may hold the institution's secret. */
function originOf(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : 'invalid URL';
}

/**
 * Asks the classifier; null when it gave no usable answer (logged at warn level, without the text or the answer's
 * body, so neither a member's words nor anything the classifier says ends up in Hearth's logs).
 */
export async function askCrisisClassifier(
  url: string,
  request: CrisisClassifierRequest,
  options: { timeoutMs?: number | undefined; logger?: Logger | undefined; institutionId: string },
): Promise<CrisisClassifierAnswer | null> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? defaultCrisisClassifierTimeoutMs;
  const outcome = await call(url, request, timeoutMs);
  if ('answer' in outcome) return outcome.answer;
  options.logger?.warn(
    { institutionId: options.institutionId, classifier: originOf(url), ...outcome.failure, timeoutMs, durationMs: Math.round(performance.now() - started) },
    'crisis classifier: no usable answer, the built-in detector decides',
  );
  return null;
}

async function call(url: string, request: CrisisClassifierRequest, timeoutMs: number): Promise<{ answer: CrisisClassifierAnswer } | { failure: Failure }> {
  let response: Response;
  let body: string;
  try {
    // The signal covers reading the body too, so a classifier that trickles its answer is cut off as well.
    const signal = AbortSignal.timeout(timeoutMs);
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal,
      // A redirect could lead the server's request anywhere (an internal address); the configured URL is the one.
      redirect: 'error',
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { failure: { reason: 'status', status: response.status } };
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxAnswerBytes) {
      await response.body?.cancel();
      return { failure: { reason: 'too-large', status: response.status } };
    }
    body = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') return { failure: { reason: 'timeout' } };
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    return { failure: { reason: 'network', ...(typeof code === 'string' ? { code } : {}) } };
  }
  if (body.length > maxAnswerBytes) return { failure: { reason: 'too-large', status: response.status } };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { failure: { reason: 'malformed', status: response.status, issues: ['not JSON'] } };
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) {
    // Paths and codes only: the messages could quote the answer's values.
    return { failure: { reason: 'malformed', status: response.status, issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`) } };
  }
  const signs = parsed.data.warningSigns.filter((sign): sign is WarningSign => knownSigns.has(sign));
  return { answer: { riskLevel: parsed.data.riskLevel, warningSigns: [...new Set(signs)] } };
}
