import { describe } from 'vitest';
import { itReadsEachAtItsLevel, type CrisisLevelTable } from '../../../test-support/crisis-level-table.js';

/**
 * A third set, for the classes of wording an independent writer used that the rules did not anticipate (studied
 * from frozen-v3's misses; none of these sentences is from a table): understated farewells ("won't be around",
 * "the notes are done", "not coming back"), decided intent without an act verb ("I've decided I'm going"),
 * stopping a treatment as a method, a day or an event named alone as a time, hopelessness and burden in plain
 * words, an object pronoun that is no subject ("I count them and think about ending it"), a verb whose own form is
 * the writer (هـ/ح + first person, whoever is named near it), Iraqi گ and Maghrebi forms, repeated letters; and hard
 * negatives for each: a cold treated with tablets tonight, a child who self-harms, an idiom of dying to know, a
 * relative who calls himself a burden, blades thrown away, a safety plan.
 */
const v3Classes: CrisisLevelTable = {
  IMMINENT: [
    "christmas eve. that's when. nobody will notice i'm gone till boxing day",
    "I want to die. Once everybody's asleep I'm steering it into the bridge wall",
    'ناوية انتحر بعد صلاة العشا',
    'جهزت الحبوب وبستنى اهلي يناموا، ناوي انهي حياتي',
    'عندي سكينة جوزي وابي انهي حياتي',
    'بعد آخر يوم دوام مش هرجع البيت، هطير بالعربية على الجسر',
    'الليلة هي الليلة، خلصت رسائلي',
    'ناوية اوقف الانسولين بعد العيد',
    "the night of my last shift i'm not driving home, i'm driving into the canal",
    "friday. that's when. nobody will even notice i'm gone",
    "my letters are written and tonight i'm not coming back from the walk",
    "I've decided to stop taking my insulin and I want it all over by the end of the month",
    "im going to do it the night of the wedding",
    "once my wife goes to bed im swallowing all the pills",
    'قررت اوقف الدياليزه من الاسبوع الجاي، بدي يخلص كل شي',
    'بعد العزا راح الحگه',
    'الجمعة الجاية لما ابوي يطلع الصلاة هرمي نفسي من البلكونة',
  ],
  HIGH: [
    'i look at them and think about ending it',
    'يا ريتني متت قبل ما اشوف هاليوم',
    'نجرح في يدي كل ليلة',
    "wish i'd died in the fire with her",
    "i've decided i'm not going to be alive much longer",
    "suicidal again. day 10 clean and it is no easier",
    "I know what I'm going to do and I've made peace with it",
    'ابي اموووووت خلاص',
    'ما بغيتش نعيش هاد الحياة',
    'انا وخويا قررنا ننتحر',
    'كل مرة اغلط اعاقب نفسي بالضرب',
    'نحرق في روحي بالسيجارة',
  ],
  CONCERN: [
    "cancelled my sessions for next week. won't be needing them",
    'ما غاديش تشوفوني من بعد، شكرا على كلشي',
    'اعرفوا اني بحبكم مهما صار',
    'حاسس اني تقيل على اصحابي',
    "i'm never getting past this, i know it now",
    "i'm dead weight to everyone around me",
    "my kids deserve a mum who isn't broken",
    "I've given up hoping it gets better",
    "there's nothing left for me here, nothing to look forward to",
    "I won't be around to see the kids grow up",
    "Deleted my accounts. Wanted to thank you all before I go.",
    'الكل هيرتاح لو رحت',
    'وجودي مضايق الكل وما حدا بدو ياني',
    'انا مجرد عبأ على اهلي',
    'شنو الفايدة، ماكو شي يتغير',
    'ما كاين حتى امل',
    'ما عاد في شي اعيش عشانه',
    'اذا ما رجعت اكتب هون، اعرفوا اني بحبكم',
    'مسحت كل حساباتي وحبيت اودعكم',
  ],
  NONE: [
    'i hugged her and thought about how she wants to die, how do i help',
    'بعد صلاة الفجر بروح الشغل على طول',
    "christmas eve. that's when the whole family comes over",
    'مش هرجع البيت بدري النهارده، عندي اجتماع',
    'هسوق العربية للشغل بكرة الصبح',
    'رميت السكاكين القديمة وجبت طقم جديد',
    'اخويا دايما يقول انه حمل تقيل علينا وانا بقوله لا',
    'سأتوقف عن أخذ المضاد الحيوي بعد أسبوع حسب كلام الدكتور',
    "friday. that's when payday finally hits",
    "i know how the story ends, i've read the book",
    "i'm dying to find out who won",
    "my daughter has been cutting herself and i found a razor in her bag, how do i help her",
    "got the flu so taking two ibuprofen tablets tonight and sleeping early",
    "we're moving so it's goodbye london and hello leeds",
    "the hypo was so bad i thought i was going to die but i'm fine now",
    "my dad keeps saying he's a burden since his fall, how do i reassure him",
    "the knife slipped while i was chopping onions, five stitches",
    'عندي صداع، هاخد حباية بنادول الليلة وانام',
    'ابوي دايما يقول انه عبء علينا، كيف اقنعه انه مش كده',
    'رميت الحبوب اللي كنت مجمعها، وحاسة اني احسن',
    'عملت خطة امان مع الدكتورة',
    "i made a safety plan with my therapist and stuck it on the fridge",
    "friday. that's when the new season drops",
    "i won't be around this weekend, visiting my sister",
  ],
};

/**
 * The trained model's false alarms on this table's sentences in no crisis (crisis-evaluation/README.md, "The trained
 * model"): mostly ordinary plans with a time or a place, read by the words they share with plans in crisis, and a few
 * ordinary sentences shaped like a burden or a parting wish. Listed so that a retrained model that adds one, or loses
 * one, fails here and the list is looked at again.
 */
const modelFalseAlarms: readonly string[] = [
  "بعد صلاة الفجر بروح الشغل على طول",
  "christmas eve. that's when the whole family comes over",
  "هسوق العربية للشغل بكرة الصبح",
  "i won't be around this weekend, visiting my sister",
];

describe('crisis detector on the frozen-v3 miss classes (new sentences, written apart from the tables)', () => {
  itReadsEachAtItsLevel(v3Classes, modelFalseAlarms);
});
