/**
 * English context parts for the crisis detector (crisis-reader.ts `contextParts`): the modality before an act,
 * and what lowers or cancels a sign — negation, subjects, remote past and recovery, accidents, routine medication,
 * idioms, reported questions and quotations, news and media, protective factors. Same notation as
 * crisis-lexicon.en.ts.
 */
const any = (...parts: string[]) => parts.join('|');

const kin =
  '(?:friend|friends|bestie|best friend|brother|sister|bro|sis|mom|mum|mother|dad|father|parent|parents|son|daughter|wife|husband|partner|boyfriend|girlfriend|bf|gf|cousin|aunt|uncle|grandmother|grandfather|grandma|grandpa|gran|grandad|granddad|nan|nana|kid|kids|child|children|teen|teenager|student|client|patient|roommate|flatmate|housemate|coworker|colleague|neighbour|neighbor|classmate|niece|nephew|ex|fiance|fiancee|mate|buddy|therapist|counsellor|counselor|doctor|gp|nurse|psychiatrist|carer|sibling|siblings|stepdad|stepmum|stepmom|baby|cat|dog)s?';

export const englishContext = {
  desire: any(
    'want|wants|wanted|wanting|wanna|wana|wish|wishes|wishing|wished|would rather|id rather|rather|long to|longing to|yearn to|yearning to',
    'hope i|hope to|hoping to|pray|praying|prayed|tempted|urge|urges|craving|crave|need to|needed to|feel like|feels like|felt like|feeling like',
    'ready to|so ready|just want|should just|might as well|better if i|cant wait to|looking forward to|part of me|temptation to|desire to|itching to',
    // A wish put as a question: "why can't I just die".
    'why (?:cant|cannot|can not|couldnt|wont|doesnt) (?:i|god let me|it let me)|if only i could|if only i',
  ),
  think: any(
    'think|thinking|thought|thoughts|considering|considered|contemplating|contemplated|obsessing|fantasi[sz]ing|fantasi[sz]e|dreaming of|dream of',
    'daydreaming|imagining|imagine|picturing|keep seeing myself|ideation|think of',
  ),
  intent: any(
    'going to|gonna|goin to|gon|imma|ima|will|ill|shall|im about to|about to|plan to|plan on|planning|planned to|planned on|intend|intending',
    'decided|deciding|made up my mind|determined to|ready to|its time|time to|finally|tonight im|i mean to|im doing',
    // Gathering the nerve: "working up to jumping", "getting up the courage to".
    '(?:working|work|worked|building|build|built) (?:myself )?up (?:to|the (?:courage|nerve) to)|(?:getting|get|got|found|find) (?:up )?the (?:courage|nerve|guts) to',
  ),
  negation: any(
    'not|never|no|nor|dont|doesnt|didnt|wont|wouldnt|shouldnt|cant|cannot|couldnt|isnt|arent|wasnt|werent|aint|havent|hasnt|hadnt',
    'no longer|stopped|quit|without|no more|nothing|neither|none|nope|refuse to|refused to',
  ),
  // Words that look like a negation and negate nothing that follows ("no one would miss me", "can't stop").
  pseudoNegation: any(
    'not (?:going to|gonna) lie|not gonna lie|no (?:one|body)|nobody|not even|not sure(?: (?:if|whether|that|i|why|how))?|no matter|no idea|not only',
    '(?:cant|cannot|couldnt|dont|not|can not|wont) (?:stop|help|shake|escape|get rid of|control|fight|resist|get over|seem to stop)',
    '(?:cant|cannot|couldnt) (?:take|stand|handle|bear|cope|deal|do)(?: it| this| with it| with this)?(?: anymore)?',
    '(?:dont|do not|didnt) know(?: (?:if|whether|why|how|what|who|when))?|(?:cant|cannot|wont|dont) promise(?: (?:i|that i|myself))?(?: wont| will not| dont)?',
    '(?:cant|cannot) wait|never (?:felt|been) (?:so|this|more)|no (?:reason|point|hope|way|future|escape)|nothing (?:left|will|ever|to|matters|helps)',
    '(?:doesnt|dont|didnt) matter|(?:cant|dont|do not) see|cant go on|cant keep|cant live|not worth|isnt worth|no longer want|dont want to be (?:a|an)',
    // Not wanting to be a burden affirms the burden: "I don't want to be a problem for anyone anymore".
    '(?:dont|do not|no longer|never|didnt) (?:want|wanna|wish|mean) to (?:be|keep being|become|stay|remain)(?: (?:such )?(?:a|an|the))?',
    'so (?:that )?(?:im|i am|i wont|i dont) (?:not )?(?:be )?(?:a|an)|(?:wont|will not|would not|wouldnt) (?:be (?:missed|a)|have to)|never (?:wake|waking)',
    'not (?:wake|waking)|wouldnt (?:wake|waking)|dont (?:wake|waking)|didnt (?:wake|waking)|wont (?:wake|waking)|no one can|nobody can',
    // A negation inside a condition or a question negates nothing after it: "if I wasn't here dragging him down".
    'if (?:i|im) (?:wasnt|werent|was not|were not|didnt|did not|hadnt|had not|never)|why (?:cant|cannot|can not|couldnt|wont|doesnt)',
  ),
  firstPerson: 'i|im|ive|id|ill|me|myself|mine|my',
  otherPerson: `you|u|ya|youre|youd|youll|yourself|yourselves|he|hes|hed|hell|she|shes|shed|they|theyre|theyd|theyll|someone|somebody|anyone|anybody|teens|veterans|men|women|(?:him|her|them|us)(?! (?:and|then|but|or|so) (?:i|think|thinking|wonder|want|wish|plan|decide))|his|their|we|our|who|my (?:\\d+ )?(?:year old|yr old|yo|teen|teenager|son|daughter|kid|child)|my ${kin}|a ${kin}|her ${kin}|his ${kin}|their ${kin}|your ${kin}|the ${kin}|${kin}|character|singer|celebrity|actor|author|narrator`,
  // Remote past and recovery; "again", "relapsed", "now" bring a past back (recurrence).
  past: any(
    'used to|years? ago|months? ago|last year|(?:a|two|three|four|five|few|many|several|some|\\d+) years (?:back|clean|free|sober)|when i was (?:younger|little|a kid|a child|a teen|a teenager|in school|at school|at uni|at university|in college|\\d+|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)',
    'last (?:spring|summer|autumn|fall|winter)|in the past|back then|back in (?:the day|school|\\d+)|as a (?:teen|teenager|kid|child)|in my (?:teens|twenties|youth)|clean (?:for|since)|(?:been|stayed|staying) clean|recovered|recovering from|in recovery',
    'survived|since i stopped|i beat|got help|getting better|in a good place|(?:so )?glad (?:im|i am) (?:still )?(?:here|alive)|proud of (?:how far|myself)|got through|made it through|(?:a long time|ages) ago|once upon a time',
  ),
  pastTense: 'wanted|was|were|used to|tried|thought|felt|had|attempted|cut|hurt|harmed|kept',
  recurrence: 'again|relapse|relapsed|relapsing|back to|came back|coming back|returned|still|lately|these days|this week|tonight|last night|today|right now|rn|started|anymore',
  accident: any(
    '(?:knife|blade|razor|it|hand) slipped|shaving|cooking|chopping|slicing (?:the|some|an|a)|by accident|accidentally|on the stove|oven|kitchen|gym|workout|playing|fell|tripped|slipped on|ironing|dinner|football|soccer|rugby',
    'at work|paper cut|opening (?:a|the)|haircut|hair ?cut|hair|fringe|bangs|(?:pixie|bob|buzz|crew|new|fresh|short|layered) cut|barber|hairdresser|salon|trim|a slice|some slack|toast|the pan|kettle|gardening|garden|the door|car door|cat scratched|dog bit|blood test|nurse|the vein|surgery|operation|injection|a needle|vaccine',
  ),
  purposeful: 'on purpose|deliberately|intentionally|meant to|to feel something|to punish|so i (?:could|would|wouldnt)|until (?:it|they|my \\w+) (?:bled|bleeds|split)',
  // Taking medication as prescribed is not a means.
  routine: '(?:for|got|with|have|caught) (?:a |the |my |this |some )?(?:stinking |bad |horrible |awful )?(?:cold|flu|headache|migraine|fever|cough|sore throat|toothache|period pain|cramps|hangover)|vitamins?|supplements?|with (?:breakfast|lunch|dinner|food|water|milk|my meal|meals|tea)|every (?:morning|day|night|evening)|as prescribed|prescribed|refill|pharmacy|chemist|forgot to take|remember to take|side effects|daily|twice a day|a day|my dose|my doctor|my gp',
  idioms: any(
    // A fear in the moment, not a wish: "I thought I was going to die"; a burden someone else says he is.
    '(?:thought|felt like|was sure|was convinced|genuinely thought|honestly thought) (?:that )?(?:i was|id|i would|i am|im) (?:going to |gonna |about to )?die',
    '(?:hes|shes|he is|she is|theyre|they are|he was|she was|hed be|shed be|he feels|she feels) (?:like )?(?:just |only |such )?(?:a |such a )?(?:burden|weight|drain|nuisance)',
    '(?:die|dye|dying|died|dyed) (?:my|her|his|their) (?:hair|clothes|shirt|jeans|roots|fringe)',
    '(?:die|died|dying|dead) (?:of|from|with) (?:laughter|laughing|embarrassment|boredom|shame|cringe|cuteness|excitement|curiosity|jealousy|envy|happiness)|(?:die|died|dying|dead) laughing|laughed so hard',
    'dying to (?!die|be dead|end)|to die for(?= *$| \\|)|die for (?:a|some|an)|(?:would|could) (?:literally )?die (?:for|of)|could have died|nearly died|almost died',
    '(?:kill|killing|killed) myself (?:laughing|at the gym|at work|with work|for this|over this|to finish|studying|working|in the gym)',
    '(?:is|are|was|were|its|it is|that|this|these|those|\\w+) (?:\\w+ )?(?:killing|killed|kills|murdering) me|kill me now|kill me(?: lol| haha)|would kill for|kill for (?:a|an|some)|killing it|killed it|kill it|nailed it',
    '(?:battery|phone|plant|plants|laptop|car|conversation|party|band|signal|brain cells) (?:is |was |are )?(?:dying|dead|died)|dead (?:tired|serious|inside lol|on my feet|end|heat)|deadline|dead to me|over my dead body',
    'end (?:it|things) with (?:him|her|them|my \\w+)|ending (?:it|things) with|end of (?:the )?(?:day|week|term|month|year|story)|ends? (?:soon|at)',
    'disappear (?:for a|for the|to the|into (?:a|my)|off the grid|for (?:a|the) (?:bit|while|weekend|week|day))|take a break',
    '(?:bored|scared|worried|sick|tired|frightened|loved|freezing) to death|(?:just )?shoot me|want to die of (?:embarrassment|shame)|i could die',
    // "I'd rather die than wear that", "tied the knot" (married), "a weight off my shoulders", "political suicide".
    '(?:rather|sooner) (?:die|be dead) than (?:wear|eat|go to|be seen|listen to|watch|admit|sing|dance|work for|vote|drink|touch|sit through|text|call|lose to|miss|cook|clean)(?![\\p{L}])',
    '(?:tied|tying|tie) the knot(?! (?:and|to) (?:test|tested|tried|check|checked|see))|(?:burden|weight|load) (?:has been |was |is |been )?(?:lifted|off)|weight off (?:my|our) (?:shoulders|chest|mind)',
    'sleep for (?:a week|days|a year|ages|a month|\\w+ hours)|sleep forever (?:lol|haha|lmao|xd)',
    '(?:political|career|social|commercial|electoral|financial) suicide|suicide (?:squad|mission|doors|run|sprints?|bid)',
    'hopeless (?:at|with|in|romantic|case at)|killing time|cut (?:it|that) out|cut (?:me|him|her|them) off|cut (?:back|down) on|cut ties|cutting (?:back|down|corners|costs|ties)',
    'kill (?:the|a|an|some|those|these|that|this) (?!myself)\\w+|killed (?:three|two|all|the|my) (?:plants|spiders|bugs)|pulled (?:a|my) (?:muscle|hamstring|back)|dead (?:plant|battery)',
  ),
  // "My GP asked me if I have thoughts of…": a question put to the writer, not a statement.
  reportedQuestion: '(?:asked|asks|asking|ask) (?:me |us |him |her )?(?:if|whether|how|about)|questionnaire|screening (?:question|form)|(?:do|did|have|has) (?:you|anyone|anybody) (?:ever )?(?:felt|feel|thought|think|had|have|wanted|want|tried)',
  affirmation: 'i said yes|i told (?:her|him|them) (?:yes|the truth that i)|i admitted|i said i (?:do|did|have)|i answered yes',
  reportingOther: any(
    `(?:he|she|they|${kin}|someone|somebody|character|singer|song|book|it|the lyrics|the line|the film|the movie|the show) (?:said|says|told|tells|wrote|writes|posted|posts|texted|messaged|sang|sings|asked|asks|goes|keeps saying|kept saying|was like|screamed|yelled|whispered)`,
    'said|says|wrote|writes|sang|sings|goes|quote|quoting|called|titled|named|line from|lyrics?',
  ),
  reportingSelf: 'i (?:said|told|wrote|texted|posted|keep telling|kept telling|tell|think|thought|keep thinking|whispered|screamed|typed|keep saying)|told my|tell myself|telling myself|to myself|in my head',
  media: 'out of my head|stuck in my head|on repeat|playlist|song|songs|lyric|lyrics|movie|film|book|novel|poem|character|scene|show|episode|series|meme|verse|singer|villain|hero|rapper|band|album|documentary|article|news|headline|headlines|report|reports|study|studies|statistics|stats|rates?|awareness|prevention|campaign|theme|title|podcast|research shows|the paper|journalist|reading (?:a|about)|called|titled|warning its about|trigger warning|cw|tw',
  // A means put to its ordinary use: "a rope for the tent", "a rope ladder", "a new knife for the kitchen".
  ordinaryUse:
    '(?:threw|thrown|throwing|got rid of|flushed|handed in|binned) (?:away |out )?(?:all )?(?:the|my|of the|of my) (?:blades|razors|pills|tablets|rope|meds)|(?:rope|cord|knife|knives|blade|blades|ladder|belt|gun|rifle|bleach|poison|charcoal|gas) (?:\\w+ )?for (?:the|a|my|our|his|her|\\w+s) (?:\\w+ )?(?:tent|swing|treehouse|boat|camping|climbing|hammock|garden|washing|laundry|dog|horse|trailer|bread|steak|cake|class|job|costume|kitchen|bathroom|toilet|weeds|rats|mice|slugs|barbecue|bbq|hunting|range|shooting club|tree ?house)|rope ladder|skipping rope|jump rope|tow rope|climbing rope|washing line|clothes line|shooting range|gun range|hunting (?:trip|season|licence|license)|clay pigeon|taking (?:photos|pictures|a (?:photo|picture|selfie))|(?:watching|watch|watched) (?:the )?(?:sunset|sunrise|fireworks|view|boats|trains)|sightseeing|fishing',
  ordinaryGoodbye:
    '(?:goodbye|bye) [^\\s|]+ (?:\\| )?(?:and )?hello|(?:see|catch) (?:you|ya|u|yall|you all|everyone)(?! (?:on the other side|in (?:heaven|another life|the next life|the afterlife)|never|someday|one day))|talk (?:to you )?(?:soon|tomorrow|later|next week)|(?:till|until|til) (?:next|tomorrow|then)|good ?night (?:all|everyone)|have a (?:good|great|nice|lovely) (?:day|night|evening|weekend|week)|back (?:on|next|tomorrow|in a)|(?:keep|stay) in touch|moving (?:to|away|abroad|house|out)|new (?:job|chapter|adventure)|(?:off|heading) (?:to|on) (?:holiday|vacation|a trip)',
  protective: any(
    'my (?:kids|children|family|son|daughter|faith|dog|cat|mom|mum|wife|husband|partner|grandchildren|grandkids|girls|boys|baby|pets?) (?:keep|keeps|need|needs|is why|are why|are the reason|is the reason|are my reason|is my reason|would be devastated|mean everything)',
    'keeps? me (?:going|alive|here|safe)|(?:too much|so much|a lot|something|plenty|things) to live for|reasons? to (?:live|stay|keep going)|i want to live|i choose to live|i will keep going|i keep going',
    'i would never|id never|i will never|ill never|i promised|i promise|getting help|got help|safety plan|im safe|i am safe|staying strong|im staying|i am staying|in therapy|my therapist is helping',
    '(?:called|calling|call|talked to|talking to|talk to|seeing|see|saw|texted|reached out to|booked|book) (?:a|my|the) (?:therapist|counsellor|counselor|doctor|gp|psychiatrist|helpline|crisis line|hotline|samaritans|crisis team)',
  ),
};
