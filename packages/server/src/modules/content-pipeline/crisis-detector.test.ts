import { describe, expect, it } from 'vitest';
import { detectCrisisLanguage } from './crisis-detector.js';
import { readCrisisRules } from './crisis-rules.js';

/**
 * The detector's own examples, kept from the phrase matcher it replaced: sentences a support group could see,
 * labelled by whether they express the writer's own warning signs. They include hard cases on purpose
 * (hyperbole, idioms, grief, quotations, questions to others, recovery stories), some of which the detector gets
 * wrong; the test prints precision and recall per language and fails below the minimum stated here. The detector
 * was written with these in view, so they are a regression check, not a measure: the measure is the evaluation
 * table's frozen split (crisis-evaluation/README.md, `crisis-eval -- frozen`).
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
    "I'm done. I can't do this anymore. Goodbye everyone.",
    'I have the pills ready.',
    // Warning signs without words of intent (farewell, means, finality).
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
    // Finality without words of intent.
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
    // A recovery story in the past tense (كنت "I used to").
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

const level = (text: string) => readCrisisRules(text).riskLevel;
const signs = (text: string) => readCrisisRules(text).warningSigns;

describe('crisis detector: risk levels', () => {
  it('is IMMINENT when a plan, means or a time comes with ideation, intent or self-harm', () => {
    expect(level("I've made my plan and I'm doing it after everyone is asleep")).toBe('IMMINENT');
    expect(level('خططت لكل شيء وسأفعلها بعد أن ينام الجميع')).toBe('IMMINENT');
    expect(level('I want to end my life tonight')).toBe('IMMINENT');
    expect(level('رح انتحر الليلة')).toBe('IMMINENT');
    expect(signs("I'm going to take all my pills tonight")).toEqual(expect.arrayContaining(['INTENT_OR_PLAN', 'MEANS_OR_METHOD', 'TIMING']));
  });

  it('is HIGH for direct ideation, intent or self-harm alone', () => {
    // A stated intent is reported as INTENT_OR_PLAN, not also as ideation (the evaluation table's labelling rules).
    expect(readCrisisRules("I'm going to end my life.")).toMatchObject({ riskLevel: 'HIGH', warningSigns: ['INTENT_OR_PLAN'] });
    expect(readCrisisRules('أريد أن أموت.')).toMatchObject({ riskLevel: 'HIGH', warningSigns: ['DIRECT_IDEATION'] });
    expect(readCrisisRules('I keep scratching until it bleeds')).toMatchObject({ riskLevel: 'HIGH', warningSigns: ['SELF_HARM'] });
    expect(readCrisisRules('أخدش جلدي حتى ينزف')).toMatchObject({ riskLevel: 'HIGH', warningSigns: ['SELF_HARM'] });
  });

  it('is CONCERN for burdensomeness, hopelessness or a farewell alone', () => {
    expect(readCrisisRules("they'd all be relieved if I disappeared")).toMatchObject({ riskLevel: 'CONCERN', warningSigns: ['BURDENSOMENESS'] });
    expect(readCrisisRules("I've said my goodbyes to everyone")).toMatchObject({ riskLevel: 'CONCERN', warningSigns: ['FAREWELL_OR_FINALITY'] });
    expect(readCrisisRules('ودّعت أصدقائي')).toMatchObject({ riskLevel: 'CONCERN', warningSigns: ['FAREWELL_OR_FINALITY'] });
    expect(readCrisisRules('nothing will ever get better')).toMatchObject({ riskLevel: 'CONCERN', warningSigns: ['HOPELESSNESS'] });
    expect(readCrisisRules('الجميع أحسن بدوني')).toMatchObject({ riskLevel: 'CONCERN', warningSigns: ['BURDENSOMENESS'] });
    expect(level('things will get better')).toBeNull();
  });

  it('reads ready means as a warning sign, and means in ordinary life as nothing', () => {
    expect(signs('the tablets are ready in the drawer')).toEqual(['MEANS_OR_METHOD']);
    expect(signs('the train tracks are ten minutes from here')).toEqual(['MEANS_OR_METHOD']);
    expect(level('I forgot to take my pills today')).toBeNull();
    expect(level('I bought a new knife for the kitchen')).toBeNull();
  });

  it('lowers the level one step for a protective factor, and reports it', () => {
    expect(readCrisisRules('I want to die but my kids keep me going')).toMatchObject({ riskLevel: 'CONCERN', protective: true });
    expect(level('I would never kill myself, my kids need me')).toBeNull();
  });
});

describe('crisis detector: composition, not memorised phrases', () => {
  it('composes modality and act', () => {
    for (const text of ["I'm so ready to just disappear", 'part of me wishes I could stop existing', 'I keep thinking about taking my own life', 'I plan to overdose']) {
      expect(level(text), text).not.toBeNull();
    }
  });

  it('sees Arabic clitics, colloquial modality and future prefixes', () => {
    for (const text of ['بدي موت', 'عايزة أموت', 'ودي أموت', 'أبي أنتحر', 'هموت نفسي', 'سأنتحر', 'بفكر انتحر', 'والله بدي اقتل حالي', 'فأنهي حياتي']) {
      expect(level(text), text).not.toBeNull();
    }
  });

  it('tolerates common misspellings', () => {
    expect(level('I wnat to die')).toBe('HIGH');
    expect(level('i want to kil myself')).toBe('HIGH');
    expect(level('I keep thinking about suicde')).toBe('HIGH');
    // A real word one edit from a lexicon word is not "corrected": "fridge" is not "bridge".
    expect(level('the fridge is ready')).toBeNull();
  });

  it('does not read idioms, hair and cooking cuts, grief, past recovery or someone else as the writer in crisis', () => {
    for (const text of [
      'This song is killing me',
      "I'm dying to see you",
      'موت ضحك',
      'بموت من الضحك',
      'My sister cut my hair today',
      'I cut myself a slice of cake',
      'My grandfather died last year',
      'Did your friend ever think about suicide?',
      'I used to cut myself, years ago',
      'هل فكرت يوماً في الانتحار؟',
      'أنا مشتاق لموت أمي',
    ]) {
      expect(level(text), text).toBeNull();
    }
  });

  it("does not count the issue's negations, and says why", () => {
    const detection = readCrisisRules("I'm not going to hurt myself");
    expect(detection.crisis).toBe(false);
    expect(detection.matches.map((cue) => cue.dismissedAs)).toContain('NEGATED');
    expect(level('لن أؤذي نفسي')).toBeNull();
  });

  it("flags the writer's own quoted words and unattributed quotations, not someone else's", () => {
    expect(level('I keep telling myself "I want to die".')).not.toBeNull();
    expect(level('"I want to die."')).not.toBeNull();
    const friend = readCrisisRules('My friend said "I want to die".');
    expect(friend.crisis).toBe(false);
    expect(friend.matches.map((cue) => cue.dismissedAs)).toContain('REPORTED');
    expect(level('قالت صديقتي «أريد أن أموت»')).toBeNull();
    expect(level('قلت لأمي «أريد أن أموت»')).not.toBeNull();
  });

  it('keeps negation inside its clause', () => {
    expect(level("I'm not okay. I want to die.")).not.toBeNull();
    expect(level("I don't know, I want to die")).not.toBeNull();
    expect(level("Things aren't good but I want to die")).not.toBeNull();
    expect(level('لا، أريد أن أموت')).not.toBeNull();
  });

  it('sees through zero-width characters, diacritics, tatweel and letter variants', () => {
    expect(level('I want to d\u200Bie')).not.toBeNull();
    expect(level('أُرِيدُ أَنْ أَمُوتَ')).not.toBeNull();
    expect(level('اريــــد ان اموت')).not.toBeNull();
    expect(level('إريد إن إموت')).not.toBeNull();
  });

  it('finds signs in a long text mixing both languages', () => {
    const text = `${'A long day at work. '.repeat(500)}I cut myself again last night. ${'يوم طويل. '.repeat(500)}أفكر في الانتحار.`;
    const detection = readCrisisRules(text);
    expect(detection.warningSigns).toEqual(expect.arrayContaining(['DIRECT_IDEATION', 'SELF_HARM']));
    expect(new Set(detection.matches.filter((cue) => cue.dismissedAs === null).map((cue) => cue.language))).toEqual(new Set(['en', 'ar']));
  });

  it('does not flag ordinary text', () => {
    expect(readCrisisRules('Thank you all for the support this week, it helped a lot.')).toMatchObject({ crisis: false, riskLevel: null, warningSigns: [] });
    expect(readCrisisRules('').crisis).toBe(false);
  });
});
