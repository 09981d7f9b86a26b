import { describe, expect, it } from 'vitest';
import { detectCrisisLanguage } from './crisis-detector.js';

/**
 * Sentences written for this test, apart from both splits of the evaluation table (crisis-evaluation/), to check
 * that the detector reads warning signs from their parts and not from memorised rows: each sentence must come out
 * at its level. The two "done" sentences are here, and hard negatives (idioms, grief, past recovery, a
 * question about a friend, cooking and hair cuts, routine medication, ordinary goodbyes).
 */
const table: Record<'IMMINENT' | 'HIGH' | 'CONCERN' | 'NONE', string[]> = {
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

/** One test per sentence: it must come out at exactly its level. */
function itReadsEachAtItsLevel(levels: Record<string, string[]>): void {
  for (const [expected, sentences] of Object.entries(levels)) {
    it.each(sentences)(`reads %s as ${expected}`, (sentence) => {
      expect(detectCrisisLanguage(sentence).riskLevel ?? 'NONE').toBe(expected);
    });
  }
}

describe('crisis detector on sentences written apart from the evaluation table', () => {
  itReadsEachAtItsLevel(table);

  it('reports the parts behind an imminent plan', () => {
    const english = detectCrisisLanguage("I've made my plan and I'm doing it after everyone is asleep");
    expect(english.warningSigns).toEqual(expect.arrayContaining(['INTENT_OR_PLAN', 'TIMING']));
    const arabic = detectCrisisLanguage('خططت لكل شيء وسأفعلها بعد أن ينام الجميع');
    expect(arabic.warningSigns).toEqual(expect.arrayContaining(['INTENT_OR_PLAN', 'TIMING']));
  });

  it('reads "better if I ..." as burdensomeness only when the writer is gone from it', () => {
    expect(detectCrisisLanguage("they'd be happier if I had never been born").warningSigns).toEqual(['BURDENSOMENESS']);
    expect(detectCrisisLanguage("I'd feel better if I had a nap").riskLevel).toBeNull();
  });

  it('keeps a goodbye with a "see you" ordinary, and one without it a farewell', () => {
    expect(detectCrisisLanguage('Goodbye everyone, see you at the meeting next week!').riskLevel).toBeNull();
    expect(detectCrisisLanguage('Goodbye everyone, see you on the other side').warningSigns).toContain('FAREWELL_OR_FINALITY');
  });
});

/**
 * A second set, written for the generalisation round (rules stated as a clinician would, then tested on sentences
 * they were not built from): means as classes (water, fire, traffic, a running engine, poisons, a parent's
 * weapon), time as a grammar (events, dates, the end of the month, others asleep or away), passive death wishes,
 * burdensomeness in its forms, parting wishes, Arabic dialect forms (Maghrebi, Gulf, Levantine), and hard negatives
 * for each: leisure at a bridge, a rope for a tent, a burden lifted, moving away, a letter to a grandmother.
 */
const generalizationRound: Record<'IMMINENT' | 'HIGH' | 'CONCERN' | 'NONE', string[]> = {
  IMMINENT: [
    "I have a belt and a door handle and I'm going to hang myself tonight",
    "I want to die. There's a bottle of bleach under the sink and I'm drinking it when my roommate leaves",
    "I'm going to walk into the lake after dark",
    "I want to step in front of a lorry on Saturday",
    "i'm going to set myself on fire on sunday",
    "I'm done. The car is running in the garage and the door is shut",
    "I keep my grandfather's revolver in my desk and I'm thinking about using it on myself this weekend",
    "I plan to jump off the multi storey car park when my sister is at work",
    "I've tied a noose in the loft and I'll use it tomorrow",
    "I want to die and my mum's sleeping tablets are in the kitchen drawer",
    "Going to overdose on my antidepressants before the end of the month",
    "I'm going to end my life after the exam results come out",
    "I'm going to kill myself after the funeral",
    "I'll end it on Thursday when everyone has gone to work",
    "I'm going to kill myself on the 14th",
    "I have decided to take my life before my birthday",
    "I'm going to jump from the bridge near my work on Monday morning",
    "I want to drown myself in the river this evening",
    "ناوي أشرب سم الفئران الليلة",
    "بدي اشنق حالي بالحبل يوم السبت",
    "هرمي نفسي في النيل بكرة الصبح",
    "سأطلق النار على نفسي بمسدس أبي عندما يسافر",
    "ابغى اموت، وحبوب امي في المطبخ",
    "بذبح حالي بالموس لما يطلعوا من البيت",
    "قررت أحرق نفسي بالبنزين آخر الشهر",
    "رح انتحر بعد العزا",
    "راح اقتل روحي بعد الامتحانات",
    "ناوية أنتحر قبل نهاية الشهر",
    "باغي نموت هاد الليلة",
    "اريد ان انتحر يوم الاثنين القادم",
    "سأقفز من فوق العمارة عندما يخرج زوجي للعمل",
    "بدي ارمي حالي تحت سيارة بكرا",
    "اليوم راح اخلص من حياتي، الحبوب جاهزة",
    "I'm going to swallow every pill in the cabinet the night before my court date",
    "When my husband leaves for his night shift I'll hang myself in the garage",
    "ناوي أرمي حالي من الكوبري أول ما أهلي يناموا",
    "راح اشرب الديتول بكرة بعد الدوام",
  ],
  HIGH: [
    "i feel so suicidal lately",
    "feeling suicidal again lately",
    "I'd welcome death if it came for me",
    "If I got cancer I'd be glad, I wouldn't have to do it myself",
    "I wouldn't mind if a car hit me",
    "I hope the plane crashes with me on it",
    "I carved lines into my thigh with a pen knife",
    "I've been burning my wrist with cigarettes",
    "أفكر في الانتحار كثيرا هذه الأيام",
    "ودي أذبح نفسي",
    "نفسي أأذي نفسي",
    "عندي رغبة قوية إني أموت",
    "كل يوم بجرح دراعي بالشفرة",
    "حرقت إيدي بالسيجارة قصدا",
    "لم أعد أرغب في العيش",
    "ما عدت ابي اعيش",
    "باغي نموت",
    "I'd honestly be relieved if I didn't wake up",
    "عملت جروح في رجلي بالموس",
  ],
  CONCERN: [
    "Everyone would be relieved if I was gone",
    "My parents would have so much more money without me",
    "My wife would finally be able to rest if I wasn't around",
    "I'm tired of being a burden to my family",
    "I don't want to be a burden on anyone anymore",
    "I'm sick of being a problem for everyone",
    "nobody would even notice if I stopped showing up",
    "Nobody would care if I vanished",
    "I'm a weight around my mother's neck",
    "My kids deserve a better mum than me, they'd be better off with someone else",
    "They'd all have an easier life without me dragging them down",
    "I just cause everyone pain",
    "Thank you all for everything, you've meant so much to me. Look after each other.",
    "Please tell my sister I love her",
    "I've written letters to each of my kids",
    "I gave my watch to my brother and my books to my best friend",
    "This is the last time I'll post here",
    "I've updated my will and left instructions for my passwords",
    "There's no hope for me, it's all dark",
    "My life has no meaning and it will never get better",
    "My future is ruined and there's no light anywhere",
    "أهلي رح يرتاحوا إذا اختفيت",
    "ما حدا رح يحس إذا رحت",
    "محد بيفتقدني لو مت",
    "أنا عبء على الكل وما بدي كون عبء بعد اليوم",
    "حياتي مثل عدمها، ما بتفرق مع حدا",
    "لا قيمة لي وحياتي ما لها معنى",
    "الدنيا صارت سودا ومافي ولا امل",
    "ما حدا رح ينتبه لغيابي",
    "أمي بتعيش أحسن لو ما كنت موجودة",
    "سلمت كلبي لجارتي وأعطيت كتبي لأختي",
    "هذه آخر مرة أكتب هنا، اعتنوا بأنفسكم",
    "قولوا لأختي إني آسفة",
    "كتبت رسالة لكل واحد من أولادي",
    "My brother would finally have some peace without me around",
    "I'm tired of being a weight on my parents",
    "ماحد بيحس لو اختفيت",
  ],
  NONE: [
    "My sister's cat died last week and she is devastated",
    "This homework is killing me",
    "I'm dying to see the new season",
    "I take two paracetamol tablets at night for my back",
    "I'm meeting Sam on Friday after work, can't wait",
    "The train leaves at 6:40 tomorrow, see you then",
    "We went to the bridge to watch the fireworks tonight",
    "I need to pick up my prescription from the pharmacy on Monday",
    "My friend said she feels suicidal, how can I help her?",
    "I used to self harm but I've been clean for four years",
    "The news said a man jumped from the bridge yesterday",
    "I got my hair cut short today",
    "Cut the chicken into small pieces before frying",
    "Killed the final boss tonight, what a game",
    "I died so many times in that level lol",
    "I'd rather die than go to that wedding, haha",
    "I bought a rope for the tent this weekend",
    "I'm taking my insulin before dinner tonight",
    "The dog ate something poisonous, we're at the vet",
    "I'm going to drive to the lake on Saturday with my kids",
    "Feel like a burden has been lifted since I finished the course",
    "My grandfather passed away and we're burying him on Friday",
    "Goodbye everyone, I'm moving to Canada next week, will keep in touch",
    "I wrote a letter to my grandma for her birthday",
    "My brother's car broke down on the motorway",
    "Song of the day: Nobody Would Miss Me by some band",
    "هالشغل بيقتلني",
    "بموت فيك يا حبيبي",
    "توفيت جدتي الأسبوع الماضي وأنا حزين",
    "صاحبي يفكر بالانتحار، كيف أساعده؟",
    "كنت أجرح نفسي زمان، الحين أنا بخير الحمد لله",
    "قصيت شعري قصير اليوم",
    "باخد حبة بنادول بالليل عشان الصداع",
    "رح نروح على البحر يوم الجمعة",
    "سافرت بالقطار بكرا الصبح",
    "قطعت اللحم للعشاء",
    "الخبر قال إن شاب انتحر من فوق الجسر",
    "مت من الضحك على الفيلم",
    "قتلت الوحش الأخير في اللعبة الليلة",
    "الزحمة دي هتموتني",
    "كتبت رسالة لجدتي في عيد ميلادها",
    "اشتريت حبل للغسيل",
    "I'd be glad if the rain stopped before the match",
    "We'll have so much more room without the old sofa",
    "Look after each other at the festival, stay hydrated!",
    "I carved a pumpkin with my nephew tonight",
    "I'm standing on the bridge taking photos of the sunset",
    "The kids are asleep now so I finally have time to read",
    "My future is bright after this promotion",
    "I'm sick of being a taxi for my teenagers",
    "After the funeral we all went for dinner",
    "I'm going to the lake after work on Friday",
    "حطيت الحبوب في الدرج عشان ما ينساها ابوي",
    "سافرنا للبحر يوم الجمعة الجاي",
    "ولادي نايمين الحين، وقت القهوة",
    "بعد العزا رجعنا البيت وكلنا تعبانين",
    "اشتريت سكين جديدة للمطبخ",
  ],
};

describe('crisis detector on the generalisation round sentences (written apart from the evaluation table)', () => {
  itReadsEachAtItsLevel(generalizationRound);

  it('names the means and the time it read from their classes', () => {
    expect(detectCrisisLanguage("I'm going to walk into the lake after dark").warningSigns).toEqual(expect.arrayContaining(['INTENT_OR_PLAN', 'MEANS_OR_METHOD', 'TIMING']));
    expect(detectCrisisLanguage('راح اشرب الديتول بكرة بعد الدوام').warningSigns).toEqual(expect.arrayContaining(['INTENT_OR_PLAN', 'TIMING']));
    expect(detectCrisisLanguage("I'm going to end my life after the exam results come out").warningSigns).toContain('TIMING');
  });
});
