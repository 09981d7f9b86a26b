/**
 * English means, readiness and time parts for the crisis detector (crisis-lexicon.en.ts composes them; same
 * notation). Means are broad classes — medications, ligatures, heights, vehicles and traffic, water, weapons,
 * blades, poisons, carbon monoxide, fire — so a method nobody listed by name is still read from its class. Time is
 * a small grammar — a day, a part of a day, a date, an event ("after the funeral"), what others will be doing
 * ("when he leaves for work") — so a time is read from its parts, not listed.
 */
const any = (...parts: string[]) => parts.join('|');

const weekday = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const month =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)';
const dayPart = '(?:morning|afternoon|evening|night)';
const ordinal = '(?:\\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|tenth|fifteenth|twentieth|thirtieth|last)';
// Events a plan is timed by: "after the funeral", "once the exams are over", "before Christmas".
const event =
  '(?:funeral|wedding|new years eve|new years|exams?|results?|exam results|court (?:date|case|hearing)|hearing|trial|surgery|operation|appointment|holidays?|christmas|new year|eid|ramadan|easter|thanksgiving|birthday|anniversary|graduation|party|last day|payday|move|divorce|kids go back|school run)';
// What the people around the writer will be doing, so the writer is alone: "when he's at work", "once they leave".
const othersAway =
  '(?:asleep|sleeping|to sleep|to bed|in bed|gone|out|away|left|leaves?|leaving|quiet|empty|at work|at school|home|ends|over|off|on holiday|on nights|on shift|abroad|for work|(?:back )?to (?:work|school|uni|university|college|church|the mosque|mosque|the gym|gym|the shops|bed|sleep))';

export const englishMeansAndTime = {
  // Time markers: the future of an act, not a duration ("this week I've had…").
  time: any(
    // A day or an event named alone as a sentence: "friday. thats when", "new years eve. thats when".
    `^(?:maybe |probably |on |this |next )?(?:${weekday}(?: ${dayPart})?|${event}(?: eve| night| morning)?)(?= *$)`,
    `tonight|tonite|2nite|tomorrow|tmrw|tomorow|this (?:weekend|${dayPart}|${weekday})|tomorrow ${dayPart}|${weekday} ${dayPart}`,
    `(?:on|this|next|by|for|before|after|until|till) (?:${weekday}|weekend|the weekend)|(?<!(?:for|of|until|till) )next (?:week|month|time|year)|this time next week`,
    `(?:after|when|once|as soon as|before|till|until|til) ~2 (?:everyone|everybody|everyones|everybodys|they|theyre|the kids|the house|he|she|my \\w+|the \\w+)(?: is| are| has| have| goes| go| falls?| gets?| leaves?| left| s| re| heads?)? ~1 ${othersAway}`,
    `while (?:my \\w+|he|she|they|everyone|the kids|the house) (?:is|are|s|re) (?:${othersAway}|on)`,
    'when i get (?:home|back|in)|as soon as|the (?:day|night) i|is the (?:night|day)|tonights the night|todays the day|(?:at|by|around|before) (?:midnight|dawn|sunrise|sunset|\\d+(?: ?(?:am|pm|oclock))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: oclock)?',
    'by (?:morning|tonight|tomorrow|the weekend|sunrise|the time you)|before (?:morning|sunrise|dawn|the weekend|my birthday)|after dark|when its dark|in the (?:middle of the )?night',
    // "before the end of the month", "by the end of the week".
    '(?:before|by|at|around) the end of (?:the|this|next) (?:week|month|year|term|summer)|(?:end|start) of (?:the|this|next) month',
    // Dates: "on the 14th", "on 3 March", "on March 3rd".
    `on (?:the )?${ordinal}(?: of ${month})?|on ${ordinal} ${month}|on ${month} ${ordinal}|(?:in|on|by) ${month}(?! \\d{4})`,
    `(?:after|before|by|once|when|on the day of|the (?:morning|evening) of|the day of|the night of|the night before|the day after) (?:(?:the|my|his|her|their|our) (?:\\w+s )?)?${event}(?: (?:is|are) (?:over|done|out))?`,
    'on (?:the|my) way (?:home|back|there|to work)|after (?:work|school|class|college|uni|my shift|the shift|the appointment|the meeting)|(?:in|within) (?:an|a|one|two|three|a few|few|\\d+) (?:hours?|days?)|on my birthday|counted out for',
    // Others asleep or out now: "the kids are asleep now".
    `(?:everyone|everybody|the kids|the house|they|my \\w+|he|she)(?: is| are| s| re) (?:asleep|sleeping|out|away|gone|at work)(?= (?:now|finally|at last)| \\||$)`,
  ),
  weakTime: 'today|now|right now|rn|this week|soon|very soon|this year|later',
  medication:
    'pills?|tablets?|painkillers|pain pills|pain killers|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|codeine|tramadol|sleeping pills|sleeping tablets|meds|medication|medicine|insulin|antidepressants|antipsychotics|opioids|oxy|oxycodone|morphine|fentanyl|heroin|methadone|benzos|diazepam|valium|xanax|lithium|sertraline|amitriptyline|seroquel|quetiapine|zopiclone|propranolol|prescription',
  means: any(
    '{medication}',
    // Ligatures; "tied the knot" (married) is an idiom (context).
    'rope|noose|belt|cord|ligature|knot|cable|scarf|dog lead',
    // Heights and water. A train station or ride is a commute, not a means.
    'bridge|overpass|flyover|train tracks|railway|rail tracks|railway tracks|tracks|trains?(?! (?:station|ride|journey|tickets?|times|was|is (?:late|delayed)))|rooftop|roof|ledge|cliff|cliffs|balcony|multi ?storey|car park roof|tower block|top floor|window',
    'river|sea|ocean|lake|canal|reservoir|quarry|the water|the waves|the current',
    // Vehicles and traffic.
    'motorway|highway|traffic|oncoming|lorry|truck',
    // Weapons and blades.
    'gun|guns|handgun|pistol|revolver|rifle|firearm|shotgun|bullets?|ammo|knife|knives|blade|blades|razor|razors|razor blades?|scalpel|box cutter|stanley knife',
    // Stopping a treatment the writer lives by: "stop taking my insulin", "stop going to dialysis".
    '(?:stop|stopping|stopped|quit) (?:going to |taking |having |my |the )*(?:dialysis|insulin|chemo|transplant meds|heart meds|treatment)',
    // Poisons, gases, fire.
    'bleach|poison|antifreeze|exhaust|charcoal|pesticide|weedkiller|rat poison|gas|carbon monoxide|helium|petrol|gasoline|lighter fluid|drain cleaner',
    // A hose is a means beside a car or an engine; a running engine in a garage is one.
    'hose(?:pipe)? ~4 (?:car|exhaust|engine)|(?:car|exhaust|engine) ~6 hose(?:pipe)?|(?:engine|car|motor) (?:is |s )?(?:running|on) ~4 garage|garage ~6 (?:engine|car|motor) (?:is |s )?(?:running|on)',
  ),
  // Things that make a mention of means a readiness.
  readiness: any(
    'bought (?:a|the|some)|ordered (?:a|the|some)|got (?:the|a|some|enough)|have (?:the|a|enough|that many)|keep|kept|keeping|carry|carrying',
    // Where the means are: "the blades are on the sink", "in my mum's bedside drawer".
    '(?:in|on|under|inside|behind) (?:the|my|a|his|her|our|\\w+s) (?:\\w+ )?(?:drawer|bag|pocket|car|room|hand|bedside|bathroom|cupboard|cabinet|wardrobe|garage|shed|glovebox|locker|sink|desk|table|shelf|bed|pillow|closet|safe|kitchen|loft|attic|backpack|purse)',
    'already (?:open|opened|out|poured)|opened (?:the|a) (?:bottle|box|pack|packet)|next to (?:me|my bed)|beside me|within reach|right here|in front of me',
    'minutes (?:from|away)|walk away|walking distance|near (?:here|me)|close by|from here|nearby|so (?:easy|close)|would be quick',
  ),
  strongReadiness: any(
    'ready|prepared|saved|saving|stockpil\\w*|stash\\w*|hoard\\w*|collected|collecting|counted|counting|lined up|set aside|put aside|hid|hidden|hiding',
    // A way to die a few minutes away is at hand: "the train tracks are ten minutes from here".
    '\\w+ minutes (?:from|away from) (?:here|me|my (?:house|flat|home|place))|\\w+ minutes (?:walk|drive) (?:away|from here)',
    '(?:got|have|ive got|still have) (?:like |about |around |nearly |over )?\\d+ (?:left|saved|of them)|got enough|have enough|enough (?:pills |tablets |meds )?to|all (?:my|the|of (?:my|the)) (?:pills|tablets|meds)|whole (?:bottle|box|pack|packet|strip)|tied|tested|loaded|sharpened|that many|bought (?:the|a) rope',
    // At the place itself, or the engine running in a shut garage.
    '(?:standing|sitting|stood|sat|up|here|waiting|parked) (?:on|at|by|near|on top of|on the edge of) (?:the|a|my|this) (?:edge of (?:the )?)?(?:bridge|roof|rooftop|ledge|cliff|tracks|platform|balcony|railing|top floor)',
    '(?:engine|car|motor) (?:is )?(?:running|on)|(?:closed|shut) garage|garage door (?:is )?(?:closed|shut)',
  ),
};
