import { describe, expect, it } from 'vitest';
import { detectCrisisLanguage } from './crisis-detector.js';

/**
 * The detector's table: sentences a support group could see, labelled by whether they express the writer's own
 * suicidal intent, ideation or self-harm. It includes hard cases on purpose (hyperbole, idioms, grief, quotations,
 * questions to others, recovery stories), some of which the detector gets wrong; the test prints precision and
 * recall per language and fails if either falls below the minimum stated here.
 */
const minimumPrecision = 0.9;
const minimumRecall = 0.9;

const english = {
  positive: [
    'I want to die.',
    'I just want to kill myself.',
    "I'm going to end my life tonight.",
    "I've been thinking about killing myself every day.",
    "Honestly I don't want to live anymore.",
    'Everyone would be better off without me.',
    'I wish I was dead.',
    "I'm planning to take all my pills tonight.",
    'I have a plan to end it all this weekend.',
    "I keep cutting myself and I can't stop.",
    'I cut myself again last night.',
    'I feel suicidal today.',
    "I've been having suicidal thoughts for weeks.",
    "There's no reason for me to live.",
    "I can't go on living like this.",
    'I want to go to sleep and never wake up.',
    'Nobody would even notice if I disappeared.',
    "I'm ready to die.",
    'I wrote a suicide note yesterday.',
    'The urge to self-harm is so strong tonight.',
    'I want to hurt myself so badly right now.',
    "I'm going to jump off the bridge near my house.",
    'i wanna die lol no one cares',
    "I'm thinking of suicide more and more.",
    "Life isn't worth living without her.",
    "I'd rather be dead than feel like this.",
    'I told my therapist that I want to kill myself.',
    'Sometimes I think "I should just end it all".',
    'I started self harming again.',
    'I burned myself on purpose.',
    "I don't see the point in living anymore.",
    'I want my life to be over.',
    'How many pills would it take to kill me?',
    "I've decided to kill myself.",
    "I'm so tired of living.",
    'My family would be happier if I were gone.',
    "I can't promise I won't hurt myself tonight.",
    'I want to disappear forever.',
    'I feel like killing myself.',
    "Tonight I'm going to overdose.",
    "I keep thinking I'd be better off dead.",
    "I'm scared I'm going to kill myself.",
    'I no longer want to be alive.',
    '"I want to die" is all I can think about these days.',
    "Not going to lie, I want to die sometimes.",
    "People think I'm fine but I want to kill myself.",
    "I can't stop thinking about ending my life.",
    'Every night I lie awake wishing I could just stop existing.',
    'Thinking about suicide again tonight.',
    'Part of me wants to die.',
    'I hate myself and want to die.',
    'I want to kms',
    // A goodbye without a phrase of intent, and a plan stated without one: missed.
    "I'm done. I can't do this anymore. Goodbye everyone.",
    'I have the pills ready.',
    // Warning signs without any phrase of intent: the detector is not meant to catch these, and misses them.
    "I've been giving away my things because I won't need them soon.",
  ],
  negative: [
    "I'm not going to hurt myself.",
    'I would never kill myself, my kids need me.',
    "I don't want to die, I want the pain to stop.",
    'My friend said "I want to die" and I don\'t know how to help her.',
    'She told me she wants to kill herself.',
    'My brother died by suicide three years ago.',
    'September is suicide prevention month.',
    'The song goes "I want to die" but it\'s actually about love.',
    "I used to self-harm but I've been clean for two years.",
    'I cut myself while cooking dinner.',
    'This homework is killing me.',
    "I'm dying to see the new movie.",
    'I could kill for a coffee right now.',
    'Our group talked about how to support someone who feels suicidal.',
    'If you ever feel like you want to die, please call 988.',
    'Have you ever thought about killing yourself?',
    "I'm not suicidal, just really sad.",
    "I don't want to hurt myself anymore, and I'm getting help.",
    'The character in the book says "I want to end my life".',
    'I finished my treatment and I feel alive again.',
    "My dad attempted suicide last year and I'm struggling.",
    'I killed it at my presentation today.',
    'My grandmother died last week and I miss her.',
    "I'm worried my son wants to die.",
    "I'll never hurt myself again.",
    "Don't kill yourself over this exam, it's just one test.",
    'I no longer feel like I want to die.',
    "I'm not going to kill myself, I promise.",
    "I don't think about suicide anymore.",
    'We watched a documentary about suicide in teens.',
    'Sometimes I feel like nobody understands me.',
    "I'm so tired after work today.",
    'I want to die my hair blue.',
    'I almost died laughing at that video.',
    'The battery on my phone is dying.',
    'My therapist asked whether I ever want to hurt myself, and I said no.',
    "He said he'd be better off dead, and I'm scared for him.",
    "I'm scared of dying during surgery.",
    "I'd never want to die and leave my children.",
    "I don't want to end my life, I just want help.",
    'I survived my attempt five years ago and now I help others.',
    'Do you ever want to die? How do you cope?',
    'My sister wrote "I want to kill myself" in her diary and I found it.',
    'Suicide rates among veterans are rising.',
    'Watching that show made me want to cry.',
    "My cat is dying and I'm heartbroken.",
    "You'd be better off without that toxic friend.",
    'I used to think about killing myself, but therapy helped.',
    // Hyperbole the detector can't tell from intent: it errs toward flagging.
    'I joked "I\'m going to kill myself if this printer jams again".',
  ],
};

const arabic = {
  positive: [
    'أريد أن أموت.',
    'أفكر في الانتحار كل يوم.',
    'سأقتل نفسي الليلة.',
    'لا أريد أن أعيش بعد الآن.',
    'أتمنى لو أموت وأرتاح.',
    'الجميع سيكونون أفضل بدوني.',
    'أريد أن أنهي حياتي.',
    'قررت أن أنتحر.',
    'جرحت نفسي مرة أخرى البارحة.',
    'أؤذي نفسي كلما شعرت بالضيق.',
    'لم أعد أريد العيش.',
    'تراودني أفكار انتحارية منذ أسابيع.',
    'ليتني مت.',
    'نفسي أموت وأخلص من كل ده.',
    'بدي موت، ما عاد فيني اتحمل.',
    'أبي أموت.',
    'والله تعبت وأفكر أنتحر.',
    'عندي أفكار انتحارية.',
    'سأتناول كل الحبوب الليلة.',
    'لا يوجد سبب لأعيش.',
    'الموت أرحم لي من هذه الحياة.',
    'سأرمي نفسي من فوق الجسر.',
    'أريد أن أؤذي نفسي.',
    'لا أستطيع التوقف عن التفكير في الانتحار.',
    'الحياة لا تستحق أن أعيشها.',
    'أنا مش عايز أعيش.',
    'ما أبي أعيش خلاص.',
    'أتمنى الموت كل ليلة.',
    'رح اقتل حالي.',
    'هنتحر لو فضل الوضع كده.',
    'أفكر في إنهاء حياتي.',
    'لا أحد سيهتم إذا مت.',
    'أشعر برغبة في الانتحار.',
    'بدأت أجرح نفسي من جديد.',
    'حرقت نفسي بالسيجارة عمداً.',
    'قلت لطبيبي إنني أريد أن أقتل نفسي.',
    '"أريد أن أموت" هذا كل ما أفكر فيه.',
    'نفسي أنام وما أصحاش.',
    'أنا أفكر أن أتخلص من حياتي.',
    'لم أعد أحتمل، سأنهي حياتي الليلة.',
    'عدت إلى إيذاء نفسي.',
    'ودي أموت وأرتاح.',
    'كل ما أريده هو أن أموت.',
    'ما عدت أتحمل الحياة.',
    'سأؤذي نفسي إذا بقيت وحدي الليلة.',
    'تعبت من الحياة وأريد أن أرحل عن هذا العالم.',
    'ما في شي يستاهل أعيش عشانه.',
    'بفكر أخلص من حياتي.',
    'أحس إني عايز أموت.',
    'صرت أفكر بالموت كثير وما أبي أعيش.',
    // A warning sign without a phrase of intent: missed.
    'وزعت أغراضي لأنني لن أحتاجها بعد الآن.',
  ],
  negative: [
    'لن أؤذي نفسي.',
    'لا أريد أن أموت، أريد أن أتعافى.',
    'لن أقتل نفسي أبداً، أطفالي يحتاجونني.',
    'صديقتي قالت "أريد أن أموت" ولا أعرف كيف أساعدها.',
    'انتحر أخي قبل ثلاث سنوات وما زلت أفتقده.',
    'أخبرتني أختي أنها تريد أن تموت.',
    'شهر سبتمبر هو شهر التوعية بالانتحار.',
    'الأغنية تقول "أريد أن أموت" لكنها عن الحب.',
    'جرحت نفسي وأنا أطبخ.',
    'هذا الواجب يقتلني.',
    'أموت من الضحك.',
    'أموت في الشوكولاتة.',
    'إذا شعرت أنك تريد أن تؤذي نفسك فاتصل بخط المساعدة.',
    'هل فكرت يوماً في الانتحار؟',
    'لست انتحارياً، أنا حزين فقط.',
    'لا أفكر في الانتحار أبداً.',
    'لم أعد أفكر في إيذاء نفسي، الحمد لله.',
    'أمي توفيت الأسبوع الماضي وأفتقدها كثيراً.',
    'الحمد لله تجاوزت الأزمة وأشعر بتحسن.',
    'قال لي الطبيب إن الانتحار ليس حلاً.',
    'أريد أن أعيش حياة أفضل.',
    'أنا متعب جداً من العمل اليوم.',
    'مستحيل أنتحر، إيماني يمنعني.',
    'لا أريد أن أؤذي نفسي بعد الآن.',
    'ما أبي أموت، أبي أتعالج.',
    'مش عايز أموت، عايز أعيش.',
    'ابني يريد أن يموت وأنا خائف عليه.',
    'شاهدنا فيلماً عن الانتحار عند المراهقين.',
    '"سأقتل نفسي" قالها البطل في نهاية المسلسل.',
    'كدت أموت من الخوف.',
    'لن أنهي حياتي، سأطلب المساعدة.',
    'الحياة تستحق أن نعيشها.',
    'أختي جرحت نفسها.',
    'تعبت من المذاكرة، بدي أنام.',
    'قلت له لا تقتل نفسك في الشغل.',
    'زوجي قال إنه يفكر في الانتحار.',
    'صديقي كتب "أريد أن أنهي حياتي" على الفيسبوك، ماذا أفعل؟',
    'عمري ما راح أؤذي نفسي.',
    'لا أفكر أبداً في إنهاء حياتي.',
    'أحب الحياة رغم كل شيء.',
    'لا أريد أن أنتحر، أريد أن أتكلم مع أحد.',
    'أجريت عملية جراحية وكدت أموت.',
    'الكاتب يقول في روايته "ليتني مت".',
    'بموت فيك يا حبيبي.',
    'الانتحار حرام.',
    'أخي حاول الانتحار الشهر الماضي.',
    'نفسي أسافر.',
    'قال المعالج: لا تؤذي نفسك.',
    'كنت أفكر في الانتحار زمان، الحمد لله تغيرت.',
    // Recovery stories in the past tense: كنت reads both "I used to" and "I was", and the detector errs toward flagging.
    'كنت أؤذي نفسي لكنني توقفت منذ سنتين.',
  ],
};

function score(table: { positive: string[]; negative: string[] }) {
  const missed = table.positive.filter((sentence) => !detectCrisisLanguage(sentence).crisis);
  const falseAlarms = table.negative.filter((sentence) => detectCrisisLanguage(sentence).crisis);
  const truePositives = table.positive.length - missed.length;
  const precision = truePositives / (truePositives + falseAlarms.length);
  const recall = truePositives / table.positive.length;
  return { precision, recall, truePositives, missed, falseAlarms };
}

describe.each([
  ['English', english],
  ['Arabic', arabic],
] as const)('crisis detector on the %s table', (language, table) => {
  it('has at least 40 positive and 40 negative sentences', () => {
    expect(table.positive.length).toBeGreaterThanOrEqual(40);
    expect(table.negative.length).toBeGreaterThanOrEqual(40);
  });

  it(`reaches precision ≥ ${minimumPrecision} and recall ≥ ${minimumRecall}`, () => {
    const result = score(table);
    console.log(
      `crisis detector, ${language}: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)} ` +
        `(${table.positive.length} positive, ${table.negative.length} negative sentences; ${result.truePositives} caught, ` +
        `${result.missed.length} missed, ${result.falseAlarms.length} false alarms)` +
        result.missed.map((sentence) => `\n  missed:      ${sentence}`).join('') +
        result.falseAlarms.map((sentence) => `\n  false alarm: ${sentence}`).join(''),
    );
    expect(result.precision).toBeGreaterThanOrEqual(minimumPrecision);
    expect(result.recall).toBeGreaterThanOrEqual(minimumRecall);
  });
});

describe('crisis detector', () => {
  it("does not flag the issue's negations", () => {
    expect(detectCrisisLanguage("I'm not going to hurt myself").crisis).toBe(false);
    expect(detectCrisisLanguage('لن أؤذي نفسي').crisis).toBe(false);
    expect(detectCrisisLanguage("I'm not going to hurt myself").matches[0]?.dismissedAs).toBe('NEGATED');
  });

  it("flags the writer's own quoted words and unattributed quotations, not someone else's", () => {
    expect(detectCrisisLanguage('I keep telling myself "I want to die".').crisis).toBe(true);
    expect(detectCrisisLanguage('"I want to die."').crisis).toBe(true);
    const friend = detectCrisisLanguage('My friend said "I want to die".');
    expect(friend.crisis).toBe(false);
    expect(friend.matches.map((match) => match.dismissedAs)).toEqual(['REPORTED']);
    expect(detectCrisisLanguage('قالت صديقتي «أريد أن أموت»').crisis).toBe(false);
    expect(detectCrisisLanguage('قلت لأمي «أريد أن أموت»').crisis).toBe(true);
  });

  it('keeps negation inside its clause', () => {
    expect(detectCrisisLanguage("I'm not okay. I want to die.").crisis).toBe(true);
    expect(detectCrisisLanguage("I don't know, I want to die").crisis).toBe(true);
    expect(detectCrisisLanguage("Things aren't good but I want to die").crisis).toBe(true);
    expect(detectCrisisLanguage('لا، أريد أن أموت').crisis).toBe(true);
  });

  it('sees through zero-width characters, diacritics, tatweel and letter variants', () => {
    expect(detectCrisisLanguage('I want to d\u200Bie').crisis).toBe(true);
    expect(detectCrisisLanguage('أُرِيدُ أَنْ أَمُوتَ').crisis).toBe(true);
    expect(detectCrisisLanguage('اريــــد ان اموت').crisis).toBe(true);
    expect(detectCrisisLanguage('إريد إن إموت').crisis).toBe(true);
  });

  it('finds crisis language in a long text mixing both languages and names its categories', () => {
    const text = `${'A long day at work. '.repeat(200)}I cut myself again last night. ${'يوم طويل. '.repeat(200)}أفكر في الانتحار.`;
    const detection = detectCrisisLanguage(text);
    expect(detection.crisis).toBe(true);
    expect(detection.categories.sort()).toEqual(['SELF_HARM', 'SUICIDAL_INTENT']);
    expect(new Set(detection.matches.map((match) => match.language))).toEqual(new Set(['en', 'ar']));
  });

  it('does not flag ordinary text', () => {
    expect(detectCrisisLanguage('Thank you all for the support this week, it helped a lot.')).toEqual({ crisis: false, categories: [], matches: [] });
    expect(detectCrisisLanguage('').crisis).toBe(false);
  });
});
