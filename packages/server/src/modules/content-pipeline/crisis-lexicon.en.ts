import { sharedOpeningRules, type LexiconSpec } from './crisis-reader.js';
import { SpellingCorrector } from './crisis-spelling.js';
import { englishContext } from './crisis-lexicon.en.context.js';
import { englishMeansAndTime } from './crisis-lexicon.en.means.js';

/**
 * English parts of crisis language and the rules composed from them (crisis-reader.ts says how they are read;
 * crisis-lexicon.en.context.ts holds what lowers or cancels them). Sources are regular expressions over normalized
 * words joined by single spaces: lower case, apostrophes dropped ("im", "dont", "ill" = "I'll"). `{part}` refers
 * to a part, `~N` is a gap of up to N words. Keep each part a set of small pieces; a sentence is recognised from
 * its parts, not listed.
 */
const any = (...parts: string[]) => parts.join('|');
// A passive wish to die: being glad of a death that comes to the writer ("if a bus hit me I'd be grateful").
const glad = '(?:id|i would|i wouldnt|wouldnt|i dont|dont) (?:even |honestly |actually |really )?(?:be )?(?:grateful|glad|relieved|happy|thankful|mind|care)';
const passiveDeath =
  '(?:if|when) (?:i ~3 (?:died|die|didnt wake up|dont wake up|never woke up|got hit|get hit|got run over|got cancer|was gone|were gone)|(?:something|someone|a \\w+|an \\w+|the \\w+|cancer|it|death|god) ~3 (?:hit me|hits me|killed me|kills me|took me|takes me|ran me over|runs me over|got me|gets me))';

const parts: LexiconSpec['parts'] = {
  ...englishContext,
  ...englishMeansAndTime,
  me: 'myself|me',
  // Being gone, after "if I": "if I wasn't here", "if I just disappeared" (not "if I had a nap").
  gone: any(
    '(?:was|were) (?:gone|dead|not (?:here|around|alive)|out of the (?:way|picture))|(?:wasnt|werent) (?:here|around|alive|born|in the picture|in (?:their|the) way)',
    'had (?:never been born|not been born|died|gone|never existed)|(?:didnt|never|did not) (?:exist|existed|wake up|come back|come home|live)',
    'disappeared|died|left|vanished|killed myself|ended it|stopped existing|went away|wasnt here|was gone|were gone',
  ),
  // "without me", but not "without me as captain" or "without me at the party".
  withoutMe: 'without me(?! (?:as|in (?:the|this|that|our|my)|on (?:the|this|that|our)|at (?:the|this|work|school)|for (?:the|this)|there|tonight|this (?:time|weekend)|next))',
  // "if I just disappeared", "if I'd never been born".
  ifGone: 'if i (?:just |only |simply )?{gone}|if id (?:never been born|not been born|never existed|died|disappeared|gone|left)',
  others: 'everyone|everybody|every one|them|they|people|my family|my \\w+|the people|others|all|you all|you guys|the world|those|him|her|you',
  body: '(?:arms?|wrists?|legs?|thighs?|skin|stomach|belly|body|hands?|hips?|face|head|chest|ankles?|fingers?|knuckles?|scalp|lips?|neck|forearms?|shoulders?|feet|nails|cuticles)',
  // Acts of dying that are the writer's only after a modality: "want to die", "going to end it".
  die: any(
    'die|dying|be dead|dead|not be (?:alive|here|around)(?: anymore)?|not exist|stop existing|cease to exist|stop breathing|stop living',
    'disappear|vanish|be gone|go away forever|not be here|not wake up|never wake up|sleep forever|go to sleep forever|fall asleep forever',
    '(?:not|never|wouldnt|wont|didnt|dont) (?:wake|waking) up(?: again| tomorrow| in the morning| ever)?',
    '(?:go to |fall )?(?:sleep|asleep) and (?:never|not|no longer) (?:have to |ever |need to )?(?:wake|waking) up|never (?:have|need) to wake up',
    'end (?:it|things|everything|this|the pain)(?: all)?|end it all|ending (?:it|things|everything)(?: all)?|be done with (?:it|everything|life)|be done',
    'be with (?:her|him|them|mum|mom|dad|my \\w+) (?:again|in heaven)|join (?:her|him|them|my \\w+)(?: in heaven)?|go home to god',
    // Stopping a treatment the writer lives by, after a modality: "decided to stop taking my insulin".
    '(?:stop|quit) (?:going to |taking |having |my |the )*(?:dialysis|insulin|chemo|transplant meds|heart meds|treatment)',
    'leave this world|check out|not be a problem anymore|(?:let|make) (?:it|everything|the pain) stop forever',
    // A jump is the act unless it is a swim, a game or a leap of joy: "jump into the lake", "jump on the trampoline".
    'jump(?:ing)?(?! (?:into (?:the |a )?(?:lake|pool|sea|water|river|ocean)|in(?! front)|on|onto|over|up|around|for joy|at the chance|rope|ship|the queue|the gun|ahead|back|through|to conclusions))',
    'overdose|overdosing|od|oding|od ing|odding|hang|hanging|drown|drowning|go too far|go further|take them all|take all of them|take the lot',
    // Swallowing a whole supply is the act itself: "going to take all my pills".
    '(?:take|swallow|down|overdose on) (?:every|each) (?:single )?(?:{medication})|(?:take|swallow) (?:the rest|every last one) of (?:my|the|them)|(?:take|swallow|down) (?:all|every one) (?:of )?(?:my|the|those|these)(?: \\w+)?|(?:take|swallow) (?:the|a) whole (?:bottle|box|pack|packet|strip)',
  ),
  // Acts that are the writer's own by their form: they count with no modality.
  selfAct: any(
    'kill(?:ing|ed)? myself|kms|kil myself|end(?:ing|ed)? my (?:own )?life|take my (?:own )?life|taking my (?:own )?life|took my (?:own )?life',
    'end my existence|end it for good|unalive myself|off myself|do myself in',
    '(?:hang|hanging|hanged|drown|drowning|shoot|shooting|poison|poisoning|suffocate|suffocating|gas|gassing|electrocute) myself',
    '(?:slit|slitting|slice|slicing|open|opening) (?:my )?wrists|(?:throw|throwing|threw|hurl|fling) myself (?:off|in front|under|from|into)',
    // A body moved into a height, water or traffic: "walk into the lake", "step in front of a lorry".
    '(?:jump|jumping|step|stepping|walk|walking|drive|driving|crash|crashing|run|running|fall|throw myself) (?:out )?(?:off|from|in front of|into|onto|under|out of) (?:a|the|my|this|that|an|some|oncoming)? ?(?:\\w+ )?(?:bridge|building|roof|train|lorry|truck|bus|car|tree|wall|cliff|tracks|traffic|motorway|highway|balcony|ledge|tower|overpass|flyover|window|top floor)',
    // Water only when walked into, driven into or thrown into: jumping into a lake in summer is a swim.
    '(?:walk|walking|wade|wading|drive|driving|throw myself|let myself (?:sink|drown)|keep walking|swim out) (?:out )?(?:into|under|in) (?:the|a|an|some)? ?(?:\\w+ )?(?:river|sea|ocean|lake|water|canal|reservoir|quarry|waves)(?! (?:with|for a|to cool|to swim|in (?:summer|the summer)))',
    '(?:crash|crashing|drive|driving|steer|steering|swerve|swerving|ram|ramming|wrap|wrapping) (?:my|the) (?:car|bike|motorbike|van|truck) (?:into|off|in front of|under|round) (?:a|the|an|some|oncoming)? ?(?:\\w+ )?(?:bridge|building|tree|wall|cliff|river|sea|lake|lorry|truck|train|traffic|barrier|pillar|motorway|highway|ditch|canal)',
    // Fire, and a weapon or means turned on the writer: "set myself on fire", "use it on myself".
    // A car aimed at something hard: "flooring it into the overpass pillar".
    '(?:floor|flooring|floored|drive|driving|steer|steering|aim|aiming) it (?:into|off|at|under) (?:a|the|an|that|some)? ?(?:\\w+ ){0,2}(?:pillar|wall|tree|bridge|barrier|overpass|truck|lorry|train|cliff|river|lake|canal|sea)',
    'set (?:myself|me) (?:on fire|alight|ablaze)|set fire to myself|burn myself (?:alive|to death)|(?:use|using|used|turn|turning) (?:it|them|that|this|the \\w+|my \\w+ \\w+|his \\w+|her \\w+) on myself',
    'how many ~4 (?:would it take|it would take|to kill me|would kill me|would (?:stop|do) it|would stop my heart|to die)',
    '(?:so much|enough|that many) ~3 (?:that|so) i (?:dont|wont|never|do not|will not|dont ever) (?:wake up|come back|come round|survive)',
    '(?:so much|enough|so many|that many) ~6 to (?:not|never) (?:wake up|wake|come back|come round|survive)',
    '(?:kill|end|finish) me (?:off|now for real)|to kill me|would kill me',
  ),
  // Acts named by a noun: they count after a modality or a first-person subject.
  nounAct: 'suicide|suicidal|suicidality|self ?deletion|unaliving|attempt on my life|overdos(?:e|ing)',
  // Ideation that carries its own negation or is whole in itself.
  state: any(
    'wish (?:i|id) (?:had )?(?:died|was killed|been killed|never woke up)|wish (?:i|id) (?:was|were|had|could be) (?:dead|never been born|not been born|gone|never born)|better off dead|(?:rather|sooner) be dead|wish i (?:was|were) never born',
    '(?:dont|do not|dont really|no longer|never|didnt|dont even) (?:think i (?:even |really )?|really |even )?(?:want|wanna|wish|feel like i want) to (?:live|be alive|exist|be here|wake up(?: tomorrow| in the morning| again| ever)?|go on|keep going|keep living|continue|survive|see tomorrow|be around)',
    'dont wanna (?:live|be alive|be here|wake up(?: tomorrow| in the morning| again| ever)?|exist|be around)|dont wanna be here',
    'no (?:reason|point) (?:for me )?(?:in |to )?(?:live|living|go on|going on|keep going|stay|staying|be alive|being alive|exist|existing|wake up)',
    '(?:dont|cant|do not) see (?:the|any) (?:point|reason) (?:in|of|to) (?:living|being alive|life|going on|existing|live|be alive|wake up|waking up|carry on|carrying on)',
    '(?:tired|sick|exhausted) of (?:living|being alive|life|existing|waking up|being here)|done with (?:life|living|being alive|everything)|(?:i|im) (?:so |just |completely |totally )?done(?= *$| \\|| now| for good| with it all)',
    'cant go on (?:living|like this|anymore)|cant keep living|cant live (?:like this|with this|anymore)',
    '(?:life|living|my life) (?:isnt|is not|aint|is no longer|not|doesnt feel) worth (?:living|it|anything)|not worth living',
    'want (?:it|my life|everything|this|the pain|all this) (?:all )?(?:to (?:be over|end|stop)|over)(?: forever| for good)?',
    'wish i could (?:just )?(?:disappear|stop existing|not exist|die|sleep forever|fall asleep and not wake up|vanish)',
    'hope i (?:dont|never|do not) wake up|pray(?:ing)? (?:i|that i|to) (?:dont|never|not) wake up|hope (?:it|this) (?:kills|takes) me',
    '(?:ready|want|need|wanting) to (?:go|leave) (?:now|for good|forever)|(?:im|i am) ready to go',
    '(?:no|zero|lost(?: all| my| the)?|losing(?: my| the)?|without (?:a|any)) will to live',
    '(?:feel|feeling|felt|feels|am|im|been|getting|get|so|very|really|pretty|actively|passively) (?:so |really |very |pretty |quite |a bit |kind of |kinda |more )?suicidal',
    // A post that opens with the state: "suicidal again", "suicidal tonight".
    '^(?:so |very )?suicidal(?= *$| \\|| again| tonight| today| rn| right now| now| lately)',
    // A passive wish to die: "if a bus hit me I'd be grateful", "I wouldn't mind if I didn't wake up".
    `${glad} ${passiveDeath}|${passiveDeath} ~4 ${glad}`,
    // Death asked of God or fate: "I pray God takes me in my sleep".
    '(?:pray|praying|prayed|hope|hoping|wish|wishing|ask|asking|beg|begging) (?:that )?(?:god|the lord|allah|death|something|someone) (?:will |would |just |to )*(?:takes?|taking|come for|comes for) me',
    '(?:welcome|embrace) death|death (?:would be|will be|sounds like) (?:a )?(?:relief|welcome|mercy|peaceful|nice|rest)|hope (?:the|this|my) \\w+ (?:crashes|crash|kills me|falls on me|hits me)|hope (?:something|someone|a \\w+) (?:kills|hits|runs over) me',
    '(?:picture|picturing|imagine|imagining|planning|plan|dream about|dreaming about|think about|thinking about) my (?:own )?(?:funeral|death|grave)',
  ),
  plan: any(
    '(?:made|make|have|got|written|wrote|finished|worked out|figured out|sorted|sorted out|finalised|finalized|come up with|settled on) (?:a|my|the|out a|out my|out the|up a|up my) plan|my plan (?:is|to)|the plan is|i have a plan|plans? (?:is|are) (?:ready|set|made)',
    // Knowing how is a plan only when nothing ordinary is known: "I know how", "I know how I'll do it" (not "dying to know how the finale ends").
    '(?:know|knew) (?:exactly )?where (?:he|she|they|my \\w+|the \\w+|his \\w+|her \\w+) (?:keeps|keep|hides|hide|stores|puts)|(?:know|knew) (?:exactly )?(?:how|when|where)(?= *$| \\|| (?:i|ill|im|to do it|to end|it will|its going to|i will|i want|i would|id))',
    '(?:decided|worked out|figured out|chosen|chose|picked|planned|planning|settled on) (?:exactly )?(?:how|when|where)(?! (?:you|it feels|to help|to cope|much|many people|long|to talk|to ask|to tell|i feel|bad))',
    '(?:chosen|chose|picked|set|booked|decided on) (?:a|the) (?:date|day|time|place|spot|method|bridge|way)',
    // "I know which bridge", "I've picked the building": a place or method chosen.
    '(?:know|knew|picked|chosen|chose|found|decided on|settled on|worked out) (?:exactly )?which (?:bridge|building|roof|cliff|spot|place|tree|tracks|train|car park|tower|method|way|beam)(?! (?:to (?:cross|get|go|visit|take for)|is (?:closed|open)))',
    // "I have it all planned for Friday": a plan with nothing else named after it.
    '(?:have|got|had|ive got|ive) (?:it|everything|this) (?:all )?(?:planned|planned out|worked out|figured out|sorted out)(?= *$| \\|| now| (?:{time}|{weakTime}))',
    '(?:looked up|researched|research|researching|googled|googling|searched|searching|read up on|reading up on|checked|checking|calculated|worked out|know|knew) (?:exactly )?(?:how many|how much|how to|ways to|methods|the (?:dose|dosage|height|lethal))(?= ~4 (?:{means}|kill|die|end|take|fatal|lethal|stop my heart|would do it|would take|enough))',
    '(?:doing|do|going to do|gonna do|ill do|i will do|im doing|im going to do|will do) it (?:tonight|tomorrow|after|when|this|soon|on|before|at|once|while|today|now|then|next|the (?:morning|night|day|evening|week) (?:of|before|after))',
    // A time named, then "that's when": "new year's eve. that's when".
    '(?:thats|that is|this is) (?:when|the day|the night)(?= *$| \\|)',
    // "Tonight's the night" alone is a time (good news uses it too); beside an act it makes the act imminent.
    'this is it|its (?:decided|happening)|(?:is|was) (?:the|my) plan(?: for| now|$| \\|)',
    // A suicide note is a plan; goodbye letters are a farewell (below).
    'suicide (?:note|letter)s?',
    // Checking a height or a depth is researching a method.
    '(?:look(?:ed|ing)? up|check(?:ed|ing|s)?|research(?:ed|ing)?|googl(?:e|ed|ing)|measur(?:e|ed|ing)|work(?:ed|ing)? out|find out|found out|see|saw) how (?:high|tall|deep|far down|long a fall|many floors)',
  ),
  selfHarmVerb:
    'cut|cutting|cuts|burn|burned|burnt|burning|scratch|scratched|scratching|scratches|hit|hitting|punch|punched|punching|bang|banged|banging|slam|slammed|slamming|harm|harmed|harming|hurt|hurting|stab|stabbed|stabbing|carve|carved|carving|bite|biting|bit|bitten|slice|sliced|slicing|pick|picked|picking|pinch|pinched|bruise|bruised|scald|scalded|starve|starving|starved|choke|choked|strangle|strangled|injure|injured|injuring|beat|beating|mutilate|mutilating|gouge|gouged|pull|pulled|pulling|rip|ripped|tear|tore',
  bleed: 'bleeds?|bled|bleeding|bruised|bruises|split|scarred|scars?|blistered|was raw|went raw|went numb|broke the skin|hurt too much|passed out|blacked out|couldnt feel',
};

export const englishLexicon: LexiconSpec = {
  language: 'en',
  script: /^[a-z]/,
  word: (alternatives) => alternatives,
  window: 7,
  negationWindow: 5,
  softBoundaries: ['and', 'so', 'because', 'cause', 'cos', 'coz', 'bc', 'then', 'when', 'while', 'since', 'after', 'before', 'until', 'till', 'or', 'if'],
  joins: { 'my self': 'myself', 'your self': 'yourself', 'her self': 'herself', 'him self': 'himself' },
  contrastive: ['but', 'however', 'although', 'though', 'except', 'whereas', 'yet'],
  parts,
  rules: [
    ...sharedOpeningRules,
    // "Tomorrow is the day I end it", "I end it tonight": a first-person act with no modality word.
    // "I do it when…" is a habit, so a plain "do" is read only as "I'll do it".
    { sign: 'INTENT_OR_PLAN', source: '(?:(?:i|im|ill) (?:finally )?(?:end|ending|doing)|ill (?:finally )?do) (?:it|this|things)(?: all)?(?! (?:with|for|up|off|out|right|again|myself|properly|well|better|the (?:right|same|best|hard|proper|old|other|way)))' },
    { sign: 'INTENT_OR_PLAN', source: '(?:im|i am|i will|ill) (?:taking|swallowing|take|swallow|using) (?:them|it|those|these|the lot|all|everything|enough|all (?:the|my|of (?:the|my)) {medication})(?! (?:with|in the morning|every|daily|as|at breakfast|at night|twice|once))' },
    { sign: 'PLAN', source: '{plan}' },
    // Decided, with no act verb: "I've decided I'm going", "decided I won't see 41", "I'm not going to be alive much longer".
    { sign: 'INTENT_OR_PLAN', source: '(?:decided|made up my mind|know) (?:that )?(?:im|i am|ill|i will) (?:going|leaving|done)(?= *$| \\|| for good| soon| now)|(?:decided|know|made up my mind) (?:that )?(?:i|ill) (?:wont|will not|will never|am not going to|dont) (?:see|make it to|live to see|reach|be here for) (?:\\d+|my \\w+|christmas|next \\w+|another \\w+|the new year|the end of)|(?:im|i am) not going to be (?:alive|around|here) (?:much longer|for long|by|next|after)|i know what (?:im|i am) (?:going to|gonna) do' },
    // A time, then the supply taken: "once my sister goes to bed im taking the pills".
    { sign: 'INTENT_OR_PLAN', source: '(?:{time}) (?:\\| )?(?:im|i am|ill|i will|im going to|im gonna) (?:taking|swallowing|take|swallow|downing) (?:the|those|these|them|all)(?: (?:{medication}))?(?! (?:for|with|the doctor|my doctor))' },
    { sign: 'INTENT_OR_PLAN', source: 'i (?:really )?mean it(?: this time)?|(?:its|it is) (?:time|decided)|my mind is made up|i wont (?:change my mind|back out)' },
    // Means whoever owns them: "my dad's gun" is at hand.
    { sign: 'MEANS_OR_METHOD', source: '{means}', ignores: ['OTHER_PERSON'] },
    // A time is not negated ("I don't want to live past tonight"): it counts only beside an act, read with its own.
    { sign: 'TIMING', source: '{time}', ignores: ['OTHER_PERSON', 'NEGATED', 'IDIOM'] },
    { sign: 'TIMING', source: '{weakTime}', weak: true, ignores: ['OTHER_PERSON', 'NEGATED'] },
    // Self-harm: an injuring act on the writer's own body, or on anything until it bleeds, or on purpose.
    { sign: 'SELF_HARM', source: '{selfHarmVerb} (?:myself|my self|at myself|my own|into my {body}|my {body}|(?:at|on) my {body})', intentful: true },
    // "I carved a word into my forearm", "burnt a mark on my wrist": an injury put into the writer's own body.
    { sign: 'SELF_HARM', source: '(?:carve|carved|carving|cut|cuts|burn|burned|burnt|scratch|scratched|etch|etched|stab|stabbed|stick|stuck|press|pressed|dig|dug) ~3 (?:into|in|on|across|through) (?:my|both) {body}(?! (?:hair|nails))' },
    // Wounds made by the writer's own hand.
    { sign: 'SELF_HARM', source: '(?:cuts|scars|wounds|burns|marks) (?:that )?i (?:made|gave myself|did)(?: myself| to myself)?|(?:cuts|scars|wounds|burns) ~2 (?:my own hands?|by my own hand)' },
    { sign: 'SELF_HARM', source: '(?:until|till|til|untill|so hard|hard enough) ~3 (?:it|they|i|my {body}|the skin|skin) ~1 {bleed}' },
    { sign: 'SELF_HARM', source: '{selfHarmVerb} ~5 (?:on purpose|deliberately|intentionally|to feel something|to punish myself|to feel anything|to feel pain|so i (?:could|would|wouldnt) (?:feel|scream|cry))' },
    { sign: 'SELF_HARM', source: '(?:self ?harm(?:ing|ed|s)?|selfharm(?:ing|ed)?|sh|sh ing|cutting|cutter)(?! (?:himself|herself|themselves|yourself|bread|onions|vegetables|veg|meat|wood|paper|fabric|the |a |an |some |back|down|out|costs|corners|class))', needs: 'MODALITY_OR_FIRST_PERSON', intentful: true },
    { sign: 'SELF_HARM', source: '(?:relapsed|relapse|relapsing|slipped|started|start|back to|back|been|keep|kept|go back to|gone back to|went back to) (?:on |with |to |into )?(?:self ?harm(?:ing)?|sh|cutting|burning myself|hurting myself|scratching|the blades?)(?! (?:the|a|an|some|vegetables|onions|back|down|carbs|out|coupons)(?![\\p{L}]))' },
    { sign: 'SELF_HARM', source: '(?:urge|urges|need|want|wanted|wanting|craving|cravings|itch|itching|tempted|desire) to (?:cut|burn|bleed|scratch|hurt myself|harm myself|self ?harm)(?! (?:the|a|an|some|my hair|it|down|back|out|off|up|ties|in|through|onions|bread|corners|costs|class|school|him|her|them|you|loose|ties|sugar|carbs))' },
    { sign: 'SELF_HARM', source: '(?:cut|cutting|cuts) (?:again|deeper|deep|last night|tonight|this morning|every night|today)' },
    // Farewell and finality.
    {
      sign: 'FAREWELL_OR_FINALITY',
      source: any(
        '(?:said|saying|say|said all|say all) (?:my|our) goodbyes|(?:said|saying|say|said all|say all) (?:my |our )?goodbyes? to (?:everyone|everybody|you all|all of you|the group|my (?:family|friends|kids|children|loved ones)|this world|the world|life|all)',
        '(?:goodbye|farewell|bye) (?:everyone|everybody|all|all of you|guys|friends|world|forever|for good|for ever|my friends|cruel world)',
        '^(?:goodbye|farewell)$|(?:love you all|thank you|thanks) (?:all )?(?:for everything )?(?:and )?goodbye',
        '(?:this is|this will be|thisll be|here is|its|this was) (?:my|the) (?:last|final) (?:post|message|time|goodbye|words|note|letter|update)|my (?:last|final) (?:post|message|words|goodbye|letter|note)',
        '(?:if|in case) you (?:dont|never|do not|stop) (?:hear|hearing) (?:from )?me(?: again)?|you (?:wont|will not|will never|wont ever) (?:hear from|see) me (?:again|anymore)',
        '(?:wont|will not) be (?:around|here) (?:much longer|for long|anymore|tomorrow|to see|to (?:\\w+ )?(?:watch|help|look after|take care of|do it|see)|to(?= *$| \\|))|(?:wont|will not|wont ever) be around(?= *$| \\|)',
        // Understated: "the letters are written", "not coming back", "nobody will notice I'm gone".
        '(?:the|my|all the|all my) (?:letters|notes|goodbye letters|goodbyes) (?:are|have been) (?:written|done|finished|sent|ready|signed)',
        '(?:im|i am|ill|i will|i wont be|im never) (?:not |never )?(?:coming|driving|walking|going) (?:back|home)(?= *$| \\|| from| again| this time| tonight| tomorrow)',
        '(?:notice|realise|realize|know|care) (?:that )?im gone|(?:thank|say goodbye to|tell) (?:\\w+ ){0,3}before i go(?= *$| \\|)',
        '(?:last|final) (?:night|day|time|week) (?:anyone|you|they|everyone|people|you all|my \\w+) (?:has|have|will have|will|need|needs|ll) (?:to )?(?:deal with|put up with|see|hear from|worry about|look after|take care of) me',
        // Clearing out old clothes for charity is not a farewell.
        '(?:gave|giving|give|given) away (?:my|all my|most of my|all of my)(?! (?:old|spare|outgrown|unused|extra)(?![\\p{L}]))(?!(?: [^\\s|]+){0,5} to (?:a |the )?charity)|(?:gotten|got|getting) rid of (?:all )?(?:my|all my) (?:things|stuff|belongings|possessions)',
        '(?:sorted|sorting|put|putting|got|getting|tied|tying) (?:out |up )?(?:my|all my|all the|all of my) (?:affairs|things|stuff|loose ends|papers|paperwork|finances)(?: in order)?|tied up (?:all )?(?:the )?loose ends|(?:my )?affairs in order',
        '(?:wrote|written|writing|made|updated|sorted out|sorted|finished|changed) (?:my|a|out my) will|(?:wrote|written|writing|left|leaving) (?:letters|notes|goodbye letters|last letters|messages|goodbye messages) (?:for|to)|(?:wrote|written|writing|left|leaving) (?:a letter|a note) (?:for|to) (?:each|every|all|everyone)|(?:wrote|written|writing|finished|left) (?:my|the|all my|all the) (?:letters|notes|goodbye letters|goodbyes|last letters)',
        '(?:found|arranged|sorted|organised|organized) (?:a )?(?:new )?(?:home|someone|somewhere|a place) (?:for|to look after|to take) (?:my|the) (?:cat|dog|pets?|kids)',
        '(?:cancelled|canceled|cancelling|canceling) (?:all )?(?:my|the) (?:appointments|plans|subscriptions|therapy|sessions)|left the keys? with',
        '(?:this is|this was|its) (?:goodbye|farewell|my goodbye)(?! (?:to (?:my|the|our) (?:old|job|flat|house|home|car)))|(?:when|after|once) im gone|(?:when|after) i die|after my death|tell (?:my|them) ~2 (?:that )?i (?:love|loved|always loved|am sorry|was sorry|m sorry) (?:them|her|him|you)|remember me (?:as|when|kindly|fondly)|made peace with (?:it|my decision|dying)',
        '(?:wont|will not|wouldnt|dont|will not be|wont be) (?:need|needing) (?:them|it|these|this|those|my \\w+|anything|any of)(?: anymore| where im going)?',
        '(?:wont|will not|wont ever) be (?:bothering|bugging|troubling|burdening|annoying|a bother to|a problem for|hurting) (?:anyone|anybody|you|you all|any of you|everyone|people|my \\w+)(?= ~2 (?:after (?:this|tonight|today|that)|again|anymore|any more|much longer|for long|ever again))',
        '(?:everything|all|it all)(?: is| s)? (?:in order|taken care of)(?: now)?(?= *$| \\|)|(?:my|all my) (?:affairs|things|papers) (?:are|is) in order',
        '(?:ill|i will|im going to|im gonna) (?:never|not) see (?:you|you all|any of you|everyone) again',
      ),
    },
    // Weak farewells: each is ordinary alone ("I gave my guitar to my nephew"); two together, or one beside another
    // sign, are a farewell (crisis-detector.ts).
    {
      sign: 'FAREWELL_OR_FINALITY',
      weak: true,
      source: any(
        '(?:gave|given|giving|handed|left) (?:away )?(?:my|all my|the|our) (?!(?:old|spare|outgrown|unused|extra|broken)(?![\\p{L}]))(?:[^\\s|]+ ){0,2}(?:to|with) (?:my|a|the|his|her|our|some) [^\\s|]+',
        '(?:rehomed|rehoming|found a home for) (?:my|the|our) [^\\s|]+|made sure (?:my|the|our) (?:cat|dog|pets?|kids|children|fish|birds?) (?:has|have|is|are|will be|gets?|get)',
        '(?:wont|will not|will never|wont ever) (?:be )?(?:[a-z]+ing|use|play|wear|read|need|ride|drive) (?:it|them|this|that|these|those|my [^\\s|]+) (?:again|anymore|any more)',
        '(?:say|saying|said) (?:a )?(?:proper )?(?:goodbye|goodbyes|bye)(?: properly)?|while i (?:still )?(?:can|have the chance)|before (?:its too late|i cant anymore)',
        '(?:im )?sorry for (?:everything|all of it|all the (?:pain|trouble))|(?:thank you|thanks) (?:all )?for (?:everything|being (?:my|there|a))|i love you all',
        // Parting wishes and apologies to all: "look after each other", "sorry everyone".
        '(?:look after|take care of|be kind to|be good to) (?:each other|one another|yourselves|everyone for me|my \\w+ for me)|(?:im )?(?:so )?sorry (?:everyone|everybody|all|guys|to everyone|to all of you)(?= *$| \\|)',
        '(?:wrote|written|writing|left|leaving) (?:a letter|a note) (?:for|to) (?:my|each|every|all)',
        'you (?:were|have been|guys were|all were|lot were) (?:the best|my (?:family|everything|people)|the (?:best|only good) (?:part|thing))',
        '(?:deleted|deleting|closed|shut down|wiped) (?:all )?(?:my|of my) (?:socials|accounts?|social media|profiles?|instagram|facebook)|(?:just )?(?:wanted|want) (?:someone|somebody|one person|you all) to know|(?:at|made) peace with (?:it|this|my choice)',
      ),
    },
    // A second thing given away ("…and my books to my best friend"): the friend named is not the subject.
    { sign: 'FAREWELL_OR_FINALITY', weak: true, ignores: ['OTHER_PERSON'], source: 'and (?:my|all my) (?!(?:old|spare|outgrown|unused|extra|broken)(?![\\p{L}]))[^\\s|]+ (?:to|with) (?:my|a|the|his|her|our) [^\\s|]+' },
    // Burdensomeness: what others would feel, so another subject is expected.
    {
      sign: 'BURDENSOMENESS',
      ignores: ['OTHER_PERSON'],
      source: any(
        // "better if I ..." only with being gone: "I'd feel better if I had a nap" is not about others.
        '(?:better|happier|easier|freer|free|lighter|relieved|glad|richer|calmer|safer|at peace|fine|okay|ok|alright|all right)(?: off)? ~4 (?:{withoutMe}|{ifGone}|once im gone|when im gone|after im gone|with me gone|me gone|me out of the way|not having me)',
        '(?:a|such a|just a|only a|nothing but a|the|huge|big|constant) (?:burden|weight|drain|load|nuisance|liability|dead weight|waste of (?:space|air|oxygen|money|time|life))',
        '(?:burden|weight|drain|load) (?:to|on|for|around|round|upon) (?:{others}|everyones|their)',
        'burdening (?:everyone|everybody|my|them|you|people)|(?:taking|take) up space|in (?:everyones|their|the) way|(?:dragging|drag|bringing|bring|pulling|pull) (?:{others}) down|holding (?:{others}) back',
        '(?:ruin|ruins|ruining|ruined|wreck|wrecking|wrecked|destroying) (?:everyones|everything for|their|his|her|my \\w+s?) (?:lives?|life|everyone)|make (?:everyones|their) li(?:fe|ves) (?:worse|harder|hell)',
        '(?:no one|nobody|noone|no body|not a single person|not one person|nobody at all) (?:would|will|is going to|is gonna|gonna|even|would even|will even|would ever|will ever|would really|would actually|would care or|would even really) (?:miss me|cry|come|mourn|be sad|remember me|(?:notice|care)(?= *$| \\|| if i (?:just |only )?(?:{gone}|stopped (?:existing|showing up|coming|turning up|being around|breathing))| (?:when|that|if) im gone| me gone| my absence))',
        'who (?:would|will|is going to) (?:even )?(?:miss|notice) me|(?:wouldnt|wont|will not|would not) be missed',
        '(?:cost|costing|costs) (?:{others}|my \\w+) (?:so much|too much|a fortune|everything)|better things to do than (?:look after|take care of|care for|deal with|worry about) me',
        '(?:i|im|i am) (?:only|just|always) (?:a|causing|making|bringing) (?:problems|pain|trouble|stress|things worse)|i (?:only |just |always )?(?:cause|bring|make|give) (?:{others} |everyone )?(?:pain|problems|trouble|stress|misery|grief|heartache|suffering|things worse)',
        // What others would gain with the writer gone: "they'd save so much money if I wasn't here".
        '(?:would|will|could|d|ll) (?:finally |actually |all |at last )?(?:have|save|get|live|rest|sleep|breathe|move on|be able to|enjoy|afford|relax|go back to|heal|cope) ~5 (?:{withoutMe}|{ifGone}|once im gone|when im gone|with me gone|if i wasnt (?:here|around))',
        '(?:{withoutMe}|{ifGone}|once im gone|when im gone|with me gone) ~5 (?:would|will|could|d|ll) (?:finally |actually |all |at last )?(?:have|save|get|live|rest|sleep|breathe|move on|be able to|enjoy|afford|relax|be (?:free|happier|better|fine|okay|relieved))',
        // Being a problem to others, in any form: "sick of being a problem", "stop being a burden".
        '(?:stop|quit|tired of|sick of|done|hate) being (?:a |such a |the )?(?:burden|problem|nuisance|drain|weight|bother|pain|disappointment)|(?:a|the) (?:problem|disappointment|embarrassment) (?:for|to) (?:{others}|everyone)',
        '(?:deserve|deserves) (?:better|more|someone better|a better \\w+)(?: \\w+)? than me|(?:deserve|deserves) (?:someone|somebody|a \\w+) (?:who|that) (?:isnt|is not|wasnt) (?:broken|a mess|a wreck|like me|useless)|(?:im|i am) (?:just |only )?(?:dead weight|a waste)|i (?:ruin|wreck|destroy|poison) everything|(?:better|happier) off with (?:someone|somebody|anyone) else',
      ),
    },
    // Hopelessness.
    {
      sign: 'HOPELESSNESS',
      source: any(
        'no (?:way out|hope|future|escape|light at the end|end in sight|way forward)(?! (?:for (?:the|my|our) (?:team|club|car))|of (?:a|getting|finding) (?:full|complete|cure))|hopeless(?! (?:at|with|in|when it comes|about (?:cooking|maths|math)))|beyond (?:help|saving|repair)',
        '(?:nothing|nothings|things|it|life|this|my life) (?:will|is going to|is gonna|s going to|)(?: ever)? ?(?:never|wont|isnt going to|is not going to|will not|aint gonna|isnt gonna) (?:ever )?(?:get|gets|be|change|improve|end|stop|go away|work)(?: better| out| any better)?',
        '(?:nothing will ever|nothing ever|never going to|never gonna) (?:change|changes|get better|gets better|be better|be okay|be ok|be fine|improve|improves|work|works)',
        '(?:stopped|quit|given up|gave up|no point) trying|every day is (?:worse|harder|darker) than the (?:last|one before)',
        '(?:cant|dont|can not|cannot) see (?:a|any) (?:way|future|point|end|light|hope|reason|way out|way forward|way this gets better)|(?:see|is) no (?:future|way out)',
        '(?:forever|always) (?:be )?like this|like this forever|(?:will|is going to) never end|never ends|be like this (?:forever|for ever|always)|this is (?:it|all) (?:for ever|forever)',
        '(?:given|gave|give|giving) up(?: on (?:everything|life|myself|hope|getting better|trying|me|the future|recovery))?(?= *$| on| (?:\\||and|now|completely|totally|already))',
        '(?:tired|sick|exhausted|done) (?:of|with) (?:trying|fighting|everything|it all|being me|this life|pretending|hoping|the fight|struggling)',
        '(?:no one|nobody|noone) (?:can|could|is able to|will ever be able to) help me|cant be (?:helped|fixed|saved)|past helping',
        '(?:given|gave|giving) up (?:hoping|hope|on hope)|(?:cant|cannot|can not) (?:do|face|take|survive) another (?:year|month|week|day|night) (?:of (?:this|it)|like this)|(?:im|i am|ill) never (?:getting|going to get|gonna get) (?:out of|past|over|through) (?:this|it)|nothing (?:left )?(?:for me|to look forward to)(?! (?:to (?:do|eat|buy)))',
        'lost cause|(?:ill|i will|im|i am) never (?:going to |gonna )?(?:get|be|feel|stay) (?:clean|sober|better|well|normal|happy|okay|ok|free)',
        'no point (?:in |to )?(?:anything|trying|it all|any of this|any of it|going on|carrying on|living|life|getting up|me being here)|(?:theres|there is) no point(?= *$| \\|| anymore| now)|pointless|nothing (?:is|s) (?:ever )?(?:going to|gonna) (?:change|get better|be better|improve|help|work|be okay|be ok|be fine)',
        'whats the point|what is the point|why (?:bother|should i (?:even )?(?:try|bother|keep going|get up|carry on|stay))|nothing (?:left|to live for|matters|will help|helps|works|ever works)',
        '(?:cant|cannot|can not) (?:do|take|handle|bear|stand) (?:this|it|any of this|this life|this pain|the pain)(?: any ?more| much longer| for much longer)|(?:cant|cannot) do this anymore|(?:cant|cannot) take (?:it|this) anymore',
        // Darkness and a lost future: "no light anywhere", "my future is ruined", "it's all black".
        '(?:no|not a|not any) (?:light|glimmer|spark) (?:anywhere|at all|left|in sight|ahead)|(?:my|the) future (?:is|looks|feels) (?:ruined|gone|over|dark|black|bleak|empty|hopeless)|(?:everything|it|life)(?: is| s|s)? (?:all )?(?:dark|black|grey|gray)(?: now)?(?= *$| \\|| and| forever)',
        '(?:trapped|stuck)(?: forever| for ever| with no way out| in this (?:life|body|pain)| in my life)|there is no way out|theres no way out|(?:no|zero|lost all) hope|lost (?:all )?hope|losing hope',
      ),
    },
    { sign: 'PROTECTIVE', ignores: ['PAST'], source: '{protective}' },
  ],
};

/** Words a misspelling may be corrected to (one edit away, five letters or more). */
const vocabulary = [
  'myself', 'suicide', 'suicidal', 'overdose', 'disappear', 'disappeared', 'goodbye', 'goodbyes', 'burden', 'hopeless', 'tonight', 'tomorrow',
  'anymore', 'everyone', 'everybody', 'nobody', 'killing', 'cutting', 'burning', 'scratching', 'bleeds', 'bleeding', 'wrists', 'tablets',
  'living', 'existing', 'planning', 'decided', 'thinking', 'wanting', 'wishing', 'without', 'relieved', 'asleep', 'harming', 'painkillers',
  'paracetamol', 'razor', 'blades', 'knife', 'bridge', 'noose', 'alive', 'forever', 'belongings', 'weekend', 'pointless', 'worthless',
  'future', 'escape', 'stockpiled', 'hurting', 'garbage',
];
/** Short misspellings too close to real words for the one-edit rule, seen often enough to list. */
const known: Record<string, string> = {
  wnat: 'want', wnt: 'want', watn: 'want', wamt: 'want', whant: 'want', wantt: 'want', wnated: 'wanted', wnana: 'wanna', wann: 'wanna',
  kil: 'kill', kll: 'kill', klil: 'kill', dei: 'die', diee: 'die', myslef: 'myself', mysefl: 'myself', myelf: 'myself', mysel: 'myself',
  mself: 'myself', tonite: 'tonight', tonigt: 'tonight', tmrw: 'tomorrow', lyf: 'life', lif: 'life', liev: 'live', goign: 'going',
  giong: 'going', gona: 'gonna', ded: 'dead', pils: 'pills', sucide: 'suicide', suicde: 'suicide', suiside: 'suicide', suicid: 'suicide',
  cutt: 'cut', cuting: 'cutting', hurtt: 'hurt', bruden: 'burden', burdan: 'burden', nobdy: 'nobody', noboby: 'nobody', ppl: 'people',
};
/** Real words one edit from a lexicon word, never corrected. */
const keep = new Set([
  'fridge', 'ridge', 'bridges', 'bills', 'hills', 'fills', 'kills', 'mills', 'filling', 'billing', 'willing', 'chilling', 'killings', 'putting',
  'gutting', 'batter', 'bitter', 'butter', 'letter', 'setter', 'turning', 'burying', 'leaving', 'loving', 'giving', 'diving', 'saving', 'moving',
  'having', 'racks', 'trucks', 'tables', 'tablet', 'sleep', 'burdens', 'alike', 'olive', 'knives', 'doing', 'goings', 'myths', 'tonights',
  'sinking', 'thanking', 'drinking', 'shrinking', 'blinking', 'washing', 'fishing', 'pushing', 'rushing', 'exiting', 'insisting', 'everyones',
  'severe', 'escapes', 'futures', 'razors', 'blazer', 'glades', 'bleed', 'breeds', 'bleeps', 'liking', 'lining', 'lifting', 'decider', 'decides',
  'warning', 'wasting', 'planting', 'planing', 'hopeful', 'nobodys', 'fetter', 'wetter', 'noise', 'goose', 'loose', 'moose', 'cutting', 'curing',
  'cursing', 'nursing', 'hunting', 'hurling', 'hurdle', 'garden', 'harder', 'harmony', 'charming', 'farming', 'alarming', 'warming', 'burning',
  'turning', 'learning', 'earning', 'yearning', 'exists', 'resisting', 'assisting', 'listing', 'twisting', 'nightly', 'brides', 'pride',
  'garage', 'garages', 'running', 'lake', 'river', 'rivers', 'tracks', 'bridal', 'fridges',
]);
export const englishSpelling = new SpellingCorrector({ vocabulary, known, keep }).correct;
