"""Word classes the parse is read with: which lemmas report speech, which events make a count a casualty
count, which nouns name people or a government body, which names are countries.

The parse says how words relate; these lists say what a governing word *means* for a brief. They are lemma
sets, so "killed", "killing" and "kills" are one entry.
"""

from __future__ import annotations

__all__ = [
    "ARREST_LEMMAS",
    "CASUALTY_KINDS",
    "DISPLACED_LEMMAS",
    "GOVERNMENT_WORDS",
    "GROUP_WORDS",
    "INJURED_LEMMAS",
    "KILLED_LEMMAS",
    "LAND_FEATURES",
    "MISSING_LEMMAS",
    "PAST_PARTICIPLES",
    "PEOPLE_NOUNS",
    "REGION_WORDS",
    "SITE_WORDS",
    "SOURCE_NOUNS",
    "SPEECH_LEMMAS",
    "TIME_ZONES",
    "TITLE_ABBREVIATIONS",
    "TITLE_WORDS",
    "casualty_kind",
    "past_participle",
]

WEAK_SPEECH_LEMMAS = frozenset(
    """
    criticize criticise condemn praise blame dismiss reject defend question demand ask call threaten pledge
    claim charge
    """.split()
)
"""Speech lemmas that also name plain acts ("called the police", "claimed responsibility", "charged into the
crowd"): a speaker only with a reported clause, a quotation or a saying verb beside them ("criticized the
plan, calling it a mistake")."""

SPEECH_LEMMAS = WEAK_SPEECH_LEMMAS | frozenset(
    """
    say tell add state announce warn report deny confirm acknowledge argue estimate note insist admit urge
    allege write suggest predict rule conclude reveal declare stress maintain accuse describe reply respond
    comment caution explain testify tweet post vow promise disclose contend assert emphasize emphasise
    recall indicate complain concede observe remark
    """.split()
)
"""Lemmas of verbs whose subject is a speaker ("X said", "X warned that ...")."""

KILLED_LEMMAS = frozenset(
    """
    kill die dead death fatality slay murder perish execute behead massacre drown fatal shoot_dead succumb
    deceased
    """.split()
)
INJURED_LEMMAS = frozenset(
    """
    injure wound hurt injury hospitalize hospitalise hospitalized maim injured wounded
    """.split()
)
WOUNDING_LEMMAS = frozenset(["shoot", "stab"])
"""Acts that injure the people they count ("three people were shot") but not things ("shot 12 episodes")."""
MISSING_LEMMAS = frozenset(["miss", "missing", "unaccounted", "disappear", "abduct", "kidnap"])
DISPLACED_LEMMAS = frozenset(["displace", "displaced", "flee", "evacuate", "homeless", "uproot", "relocate"])
ARREST_LEMMAS = frozenset(["arrest", "detain", "jail", "imprison", "apprehend", "hold", "custody", "charge"])

_CASUALTY = (
    ("killed", KILLED_LEMMAS),
    ("injured", INJURED_LEMMAS),
    ("missing", MISSING_LEMMAS),
    ("displaced", DISPLACED_LEMMAS),
    ("arrested", ARREST_LEMMAS),
)
CASUALTY_KINDS = frozenset(kind for kind, _ in _CASUALTY)


def casualty_kind(lemma: str) -> str | None:
    """The casualty kind a word says ("die" -> killed, "wound" -> injured, "detain" -> arrested), or None."""
    for kind, lemmas in _CASUALTY:
        if lemma in lemmas:
            return kind
    return None


PAST_PARTICIPLES = {
    "die": "killed",
    "dead": "killed",
    "deceased": "killed",
    "death": "killed",
    "fatality": "killed",
    "flee": "fled",
    "hold": "held",
    "take": "taken",
    "find": "found",
    "send": "sent",
    "leave": "left",
    "lose": "lost",
    "shoot": "shot",
    "hurt": "hurt",
    "injury": "injured",
    "wound": "injured",
    "hospitalize": "hospitalized",
    "missing": "missing",
    "miss": "missing",
    "homeless": "displaced",
    "custody": "detained",
    "build": "built",
    "sell": "sold",
    "buy": "bought",
    "win": "won",
    "give": "given",
    "go": "gone",
    "bring": "brought",
    "catch": "caught",
    "seek": "sought",
    "spend": "spent",
    "raise": "raised",
    "steal": "stolen",
    "write": "written",
    "see": "seen",
    "make": "made",
    "pay": "paid",
    "cut": "cut",
    "put": "put",
    "set": "set",
    "hit": "hit",
    "beat": "beaten",
    "drive": "driven",
    "eat": "eaten",
    "fall": "fallen",
    "rise": "risen",
    "grow": "grown",
    "get": "got",
    "dig": "dug",
    "fly": "flown",
    "keep": "kept",
    "run": "run",
    "lead": "led",
    "feed": "fed",
    "throw": "thrown",
    "know": "known",
    "draw": "drawn",
    "break": "broken",
    "speak": "spoken",
    "begin": "begun",
    "sink": "sunk",
    "strike": "struck",
    "hide": "hidden",
    "tear": "torn",
    "freeze": "frozen",
    "teach": "taught",
    "fight": "fought",
    "tell": "told",
    "meet": "met",
    "stand": "stood",
    "withdraw": "withdrawn",
    "overtake": "overtaken",
    "shake": "shaken",
    "spread": "spread",
    "shut": "shut",
    "swim": "swum",
    "admit": "admitted",
    "commit": "committed",
    "occur": "occurred",
    "refer": "referred",
}


def past_participle(lemma: str) -> str:
    """ "capture" -> "captured", "kill" -> "killed", "flee" -> "fled": how a count's event is written."""
    if lemma in PAST_PARTICIPLES:
        return PAST_PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if lemma in _DOUBLED:
        return lemma + lemma[-1] + "ed"  # "stop" -> "stopped", "ban" -> "banned"
    return lemma + "ed"


_DOUBLED = frozenset(
    "stop drop ban plan rob grab nab ship shop step slip trap jam tap top chop flip plug rub hug beg bar".split()
)


PEOPLE_NOUNS = frozenset(
    """
    people person persons man men woman women child children kid kids boy boys girl girls baby babies
    resident residents civilian civilians soldier soldiers troop troops militant militants fighter
    fighters rebel rebels insurgent insurgents police policeman policemen officer officers deputy
    deputies victim victims student students worker workers employee employees passenger passengers
    pilgrim pilgrims protester protesters demonstrator demonstrators refugee refugees migrant migrants
    patient patients prisoner prisoners inmate inmates hostage hostages suspect suspects member members
    voter voters citizen citizens adult adults teenager teenagers youth youths firefighter firefighters
    miner miners journalist journalists doctor doctors nurse nurses teacher teachers fan fans spectator
    spectators tourist tourists visitor visitors survivor survivors casualty casualties other others
    individual individuals family families guard guards staff crew sailor sailors marine marines
    personnel agent agents driver drivers player players athlete athletes supporter supporters
    participant participants delegate delegates lawmaker lawmakers senator senators official officials
    leader leaders minister ministers judge judges attacker attackers gunman gunmen bomber bombers
    shooter shooters customer customers user users resident inhabitants inhabitant seekers worshippers
    attendees schoolchildren pupils viewers recruits volunteers immigrants evacuees detainees
    peacekeepers commuters shoppers pensioner pensioners farmhand farmhands cyclist cyclists pedestrian
    pedestrians motorist motorists motorcyclist motorcyclists bystander bystanders toddler toddlers infant
    infants teen teens colleague colleagues neighbour neighbours neighbor neighbors occupant occupants hiker
    hikers swimmer swimmers climber climbers rider riders diner diners guest guests labourer labourers
    laborer laborers contractor contractors farmer farmers fisherman fishermen pilot pilots mother mothers
    father fathers son sons daughter daughters brother brothers sister sisters husband wife wives relative
    relatives friend friends pupil student sibling siblings cousin cousins nephew niece grandchild
    grandchildren grandson granddaughter aide aides adviser advisers advisor advisors strategist strategists
    diplomat diplomats staffer staffers consultant consultants operative operatives pollster pollsters
    insider insiders activist activists lobbyist lobbyists accomplice accomplices assailant assailants
    perpetrator perpetrators kidnapper kidnappers councillor councillors councilor councilors legislator
    legislators lawyer lawyers attorney attorneys
    """.split()
)
"""Nouns whose count is a count of people (kind "people" unless an event makes it a casualty count)."""

SOURCE_NOUNS = frozenset(
    """
    police official officials spokesman spokeswoman spokesperson authorities authority ministry
    government witness witnesses report reports statement officer officers agency company companies
    media army military source sources analyst analysts expert experts investigator investigators
    prosecutor prosecutors court sheriff department office minister president governor mayor chief
    leader leaders commander commanders organizers organisers researchers scientists study survey
    doctors hospital hospitals residents group groups campaign committee council board union newspaper
    channel network paper coroner coroners memo memorandum poll polls letter audit indictment filing
    complaint lawsuit municipality city county administration cabinet party commission regulator watchdog
    utility firm district embassy
    """.split()
)
"""Common nouns that may speak as a source without a name ("police said", "the ministry said")."""

DOCUMENT_NOUNS = frozenset(
    """
    report reports statement statements analysis study studies survey surveys website site posting post
    article articles results findings document documents release interview poll data figures estimate
    estimates letter blog account accounts memo memos memorandum audit indictment filing complaint lawsuit tally
    census review
    """.split()
)
"""Heads of a source that is a text, not an actor: "PC World's analysis" speaks for PC World."""

NOT_ACTOR_HEADS = frozenset(
    """
    cup championship championships games olympics expo festival conference summit tournament marathon
    fair exhibition convention prize award awards day week
    """.split()
)
"""Last words of a name that is an event, not an actor ("FIFA World Cup", "New Year's Day")."""

FAITHS = frozenset(
    """
    islam christianity judaism hinduism buddhism sikhism catholicism protestantism hajj umrah ramadan eid
    easter christmas passover diwali hanukkah lent
    """.split()
)
"""Faiths and their feasts: the recogniser tags them ORG or PERSON at times, but they do not act."""

WORK_NOUNS = frozenset(
    """
    film movie novel book song album game series show programme program play opera painting photograph
    photo browser software app ship vessel shuttle aircraft plane car brand product exhibit exhibition
    boat yacht ferry tanker freighter spacecraft satellite rocket jet
    """.split()
)
"""Common nouns that say what the name right after them is: "the film Easy Rider", "the browser Firefox"."""

GOVERNMENT_WORDS = frozenset(
    """
    ministry department government police court council parliament congress senate commission office
    authority authorities agency army military navy forces administration cabinet sheriff bureau service
    embassy assembly judiciary tribunal prosecutor prosecutors legislature
    """.split()
)
GROUP_WORDS = frozenset(
    """
    taliban militants rebels insurgents movement party group front brigade brigades army guerrillas mob
    crowd protesters gang cartel
    """.split()
)
REGION_WORDS = frozenset(
    """
    province state county district region territory prefecture oblast canton
    """.split()
)
LAND_FEATURES = frozenset(
    """
    gorge river valley canyon pass mountains range hills lake bay strait delta basin plateau forest desert
    coast island islands peninsula gulf ravine creek glacier
    """.split()
)
"""Lower-case land features a place's name modifies: "the Dravenka gorge", "the Oska river"."""
TIME_ZONES = frozenset(
    """
    CET CEST EET EEST WET GMT BST UTC EST EDT CST CDT MST MDT PST PDT IST AEST AEDT ACST AWST SAST WAT EAT
    """.split()
)
"""Time-zone abbreviations of page timestamps ("08/10/2024 19:48 CET"): no one's name."""
SITE_WORDS = frozenset(
    """
    bridge airport station hospital school university mosque church temple camp prison base square
    street road avenue hotel building stadium market mall centre center park port harbour harbor tower
    palace house plant factory mine warehouse refinery mill depot terminal shipyard farm
    """.split()
)


TITLE_ABBREVIATIONS = {
    "sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general", "lt.": "lieutenant",
    "sgt.": "sergeant", "capt.": "captain", "det.": "detective", "insp.": "inspector", "supt.": "superintendent",
    "prof.": "professor", "dr.": "doctor", "atty.": "attorney", "col.": "colonel", "maj.": "major",
    "cmdr.": "commander", "pres.": "president", "cpl.": "corporal", "pvt.": "private", "hon.": "honourable",
}  # fmt: skip
"""Abbreviated titles and the title each writes ("Sen." is a senator): one token each for the tokenizer, and
the written-out word when a role is matched ("the senator said")."""

TITLE_WORDS = frozenset(
    """
    president minister spokesman spokeswoman spokesperson secretary chief director senator governor
    general gen. manager coach judge justice mayor chairman chairwoman chair ceo king queen prince
    princess pope commissioner ambassador rep. sen. officer commander captain lieutenant colonel col.
    sergeant sgt. lt. capt. det. cpl. maj. insp. supt. cmdr. pvt. atty. detective sheriff deputy leader founder chancellor premier vice head superintendent
    inspector prosecutor attorney lawyer professor prof. editor correspondent analyst candidate nominee
    speaker mp envoy marshal admiral major pastor bishop cardinal imam rabbi sheikh emir crown
    administrator emeritus congressman congresswoman representative assemblyman assemblywoman councilman
    councilwoman councillor councilor alderman
    """.split()
) | (TITLE_ABBREVIATIONS.keys() - {"dr.", "hon."})
"""Words that make the capitalised words before a name a title ("Taliban Spokesman", "US President")."""
