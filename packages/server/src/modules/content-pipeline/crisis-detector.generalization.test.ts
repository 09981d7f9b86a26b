import { describe, expect, it } from 'vitest';
import { readCrisisRules } from './crisis-rules.js';
import { itReadsEachAtItsLevel, type CrisisLevelTable } from '../../../test-support/crisis-level-table.js';

/**
 * Sentences written for this test, apart from both splits of the evaluation table (crisis-evaluation/), to check
 * that the detector reads warning signs from their parts and not from memorised rows: each sentence must come out
 * at its level. The two "done" sentences are here, and hard negatives (idioms, grief, past recovery, a
 * question about a friend, cooking and hair cuts, routine medication, ordinary goodbyes).
 */
const table: CrisisLevelTable = {
  IMMINENT: [
    "I've made my plan and I'm doing it after everyone is asleep",
    'خططت لكل شيء وسأفعلها بعد أن ينام الجميع',
    "I've got the rope in the garage and I'm going to use it on Saturday",
    'I want to die and I know which bridge',
    "the pills are lined up on my desk, I'm taking them once my shift ends",
    'going to kill myself this evening, I mean it',
    'I have been saving my sleeping tablets for weeks and I think tonight is it',
    'i want to end it, the knife is next to my bed',
    'سأنتحر غدا، قررت',
    'جمعت الحبوب في الدرج وناوي أبلعها كلها الليلة',
    'بدي انتحر بكرا الصبح',
    'عايزة أموت، والحبل جاهز في الدولاب',
    'أبي أنتحر الليلة بعد ما ينامون أهلي',
    "Tonight's the last night anyone has to deal with me. The bottle of pills is already open.",
    'i looked up how high the car park is. going there after work',
    "I don't want to be here anymore and my dad's shotgun is in the cupboard",
    "I'm going to drive into a wall on the way home",
    "I'd rather not be alive. I've thought about the pills in the bathroom",
    'قررت أن أموت، والسكين في درجي',
    'هرمي نفسي من البلكونة النهاردة بالليل',
    'ناوية أنهي حياتي يوم الجمعة',
    'راح أشنق نفسي بعد ما يطلعوا أهلي',
    'أفكر أرمي حالي قدام القطار',
  ],
  HIGH: [
    'honestly i just want to stop existing',
    "I wish I could go to sleep and not wake up",
    'I keep thinking about killing myself',
    'I burned my arm with a lighter again last night',
    "I've been hitting myself until I bruise",
    'i wnat to kill my self',
    'أتمنى أن أنام ولا أستيقظ',
    'نفسي أموت وأرتاح من كل حاجة',
    'فكرت أنتحر كتير الفترة دي',
    'رجعت أجرح إيدي',
    'ودّي أموت والله',
    'بدي موت، ما عاد بدي عيش',
    'I have no will to live',
    "I'm thinking about ending it all",
    'I scratched my arms raw last night',
    'I want to die',
    'I really want to hurt myself right now',
    'i dont want to wake up tomorrow',
    'I keep punching walls until my knuckles bleed',
    'أشعر أنني أريد أن أختفي من هذه الدنيا',
    'أتمنى الموت',
    'بضرب راسي في الحيطة لحد ما يطلع دم',
    'خدشت جلدي لين نزف',
    'لا أريد أن أعيش',
    'عم فكّر إنتحر',
  ],
  CONCERN: [
    'My kids would be better off without me around',
    'nothing is ever going to change for me',
    "I've given my cat to my sister and sold my guitar, I won't be needing them",
    "I'm just a burden to everyone",
    'أهلي سيرتاحون مني لو اختفيت',
    'لا أرى أي مستقبل لي',
    'أنا عبء على عائلتي',
    'محدش هيفتقدني لو مشيت',
    "sometimes I think everyone would be fine if I just didn't exist",
    "I can't see a way out of this, ever",
    "what's the point of anything anymore",
    'I feel like I am only ever a weight on my family',
    'ما في أمل، كل شي رح يضل هيك',
    'أنا مجرد حمل ثقيل على أهلي',
    'ما حدا رح يلاحظ إذا غبت',
  ],
  NONE: [
    'this haircut killed me',
    'My mum died in March and I still cry every day',
    "I used to want to die, but I'm three years clean",
    'How can I support a friend who told me she wants to die?',
    'I cut the onions and my eyes are watering',
    'The new album has a song called "Goodbye Forever"',
    'my phone is dead and I need a charger',
    'I take my tablets every morning with breakfast',
    'Goodbye everyone, see you at the meeting next week!',
    'the traffic is killing me today',
    'I nearly died of embarrassment at work',
    'قصيت شعري النهاردة',
    'جدتي توفيت الشهر الماضي',
    'كيف أساعد صديقي الذي يفكر في الانتحار؟',
    'كنت أريد أن أموت قبل سنوات، الحمد لله الآن أفضل',
    'قتلتني هالنكتة',
    'بموت فيكي',
    'آخد دوائي كل يوم مع الفطور',
    'مع السلامة يا جماعة، نشوفكم بكرا',
    'I could murder a burger right now',
    'My uncle took his own life when I was a kid, and I think about him',
    'The documentary about suicide prevention was really moving',
    'I cut my fringe myself and it looks awful',
    'My dog died last week and the house is so quiet',
    'A friend keeps saying she wants to kill herself, what do I do?',
    "Years ago I tried to end my life. Today I'm doing well and I'm grateful",
    'I burnt the toast again this morning',
    'Please take your pills with food',
    'That exam was brutal, I nearly died',
    'I gave away my old clothes to charity',
    'bye all, going to bed, talk tomorrow',
    'صاحبتي بتقول إنها عايزة تموت، أعمل إيه؟',
    'مات أبي قبل سنة وما زلت حزينا',
    'قطعت الخضار للسلطة',
    'هالمسلسل بيموّت من الضحك',
    'كنت أؤذي نفسي وأنا مراهقة، الحين أنا بخير',
    'شفت خبر عن انتحار شاب في الجريدة',
    'الجو حر موت',
    'هموت من الجوع',
  ],
};

describe('crisis detector on sentences written apart from the evaluation table', () => {
  itReadsEachAtItsLevel(table);

  it('reports the parts behind an imminent plan', () => {
    const english = readCrisisRules("I've made my plan and I'm doing it after everyone is asleep");
    expect(english.warningSigns).toEqual(expect.arrayContaining(['INTENT_OR_PLAN', 'TIMING']));
    const arabic = readCrisisRules('خططت لكل شيء وسأفعلها بعد أن ينام الجميع');
    expect(arabic.warningSigns).toEqual(expect.arrayContaining(['INTENT_OR_PLAN', 'TIMING']));
  });

  it('reads "better if I ..." as burdensomeness only when the writer is gone from it', () => {
    expect(readCrisisRules("they'd be happier if I had never been born").warningSigns).toEqual(['BURDENSOMENESS']);
    expect(readCrisisRules("I'd feel better if I had a nap").riskLevel).toBeNull();
  });

  it('keeps a goodbye with a "see you" ordinary, and one without it a farewell', () => {
    expect(readCrisisRules('Goodbye everyone, see you at the meeting next week!').riskLevel).toBeNull();
    expect(readCrisisRules('Goodbye everyone, see you on the other side').warningSigns).toContain('FAREWELL_OR_FINALITY');
  });
});

