#!/usr/bin/env python3
"""Trains the note text classifier and writes core/src/text/text_classifier_model.inc.

    python3 scripts/train_text_classifier.py            # rewrite the .inc
    python3 scripts/train_text_classifier.py --check    # exit 1 if the .inc is stale
    python3 scripts/train_text_classifier.py --report   # cross-validation figures for the docs

Reads tests/corpus/notes/train.tsv only (never heldout.tsv: that file is kept
for the held-out test). Python 3 standard library only, deterministic: the
same train.tsv gives the same .inc, byte for byte.

The model (docs/text-classification.md) is two multinomial logistic
regressions over the same text features:
- the text model sees the note alone (classify_note without a board);
- the board model also sees, for each section, how much of the note's
  vocabulary the board's other notes of that section use (a reliever shares
  its key terms with the pain it removes).
Both are trained here, their temperature is fitted on cross-validated
predictions (5 folds of whole domains, so a fold never sees the domain it is
scored on), and their weights are divided by the temperature and rounded to
integers: the core adds integers and reads the softmax from integer tables,
so native and wasm builds agree to the bit.

The feature extraction below mirrors core/src/text/text_classifier.cpp. The .inc
carries a fingerprint of the integer scores of every training note; the
test TextClassifier.ModelMatchesItsTrainingScript recomputes it in C++, so a
drift between the two implementations fails a test instead of going unseen.
"""

import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAIN = os.path.join(ROOT, "tests", "corpus", "notes", "train.tsv")
OUTPUT = os.path.join(ROOT, "core", "src", "text", "text_classifier_model.inc")

CLASSES = ["segment", "jobs", "pains", "gains", "products", "relievers", "creators"]
K = len(CLASSES)

# Hyperparameters, chosen by 5-fold cross-validation on train.tsv.
L2 = 5.0               # L2 penalty (sum over examples, not mean)
MIN_DOMAINS = 2        # a word feature must occur in this many training domains
PRUNE_NATS = 0.12      # a feature whose weights spread less than this (in nats) is dropped
FOLDS = 5
LBFGS_ITERATIONS = 80
SCALE = 256            # integer score units per nat
CONTEXT_ONE = 1024     # fixed-point 1.0 of a context feature
CONTEXT_CAP = 3 * CONTEXT_ONE
EXP_ONE = 1 << 30      # fixed-point 1.0 of the softmax tables

# Decision thresholds on the calibrated confidence (docs/text-classification.md).
MIN_CONFIDENCE_PERCENT = 50    # below: the note stays "unknown"
MISPLACED_CONFIDENCE_PERCENT = 90  # at or above, against the layout: misplaced-note

# ---------------------------------------------------------------------------
# Text pipeline: an ASCII port of canvasfit::tokenize (core/src/text/text.cpp) and
# canvasfit::stem_english (core/src/text/stemmer.cpp). train.tsv is ASCII; any
# other character stops the script rather than risk a silent mismatch.

VOWELS = "aeiouy"


def is_vowel(c):
    return c in VOWELS


def ends_in_short_syllable(t, end):
    if end == 2:
        return is_vowel(t[0]) and not is_vowel(t[1])
    if end < 3:
        return False
    last = t[end - 1]
    return (not is_vowel(t[end - 3]) and is_vowel(t[end - 2]) and not is_vowel(last)
            and last not in "wxY")


EXCEPTIONAL_STEMS = {
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
    "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
    "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos",
    "bias": "bias", "andes": "andes"}
INVARIANT_AFTER_1A = {"inning", "outing", "canning", "herring", "earring", "proceed", "exceed",
                      "succeed"}
STEP2 = [("tional", "tion", None), ("enci", "ence", None), ("anci", "ance", None),
         ("abli", "able", None), ("entli", "ent", None), ("izer", "ize", None),
         ("ization", "ize", None), ("ational", "ate", None), ("ation", "ate", None),
         ("ator", "ate", None), ("alism", "al", None), ("aliti", "al", None),
         ("alli", "al", None), ("fulness", "ful", None), ("ousli", "ous", None),
         ("ousness", "ous", None), ("iveness", "ive", None), ("iviti", "ive", None),
         ("biliti", "ble", None), ("bli", "ble", None), ("ogi", "og", "l"),
         ("fulli", "ful", None), ("lessli", "less", None), ("li", "", "li")]
STEP3 = [("tional", "tion", None), ("ational", "ate", None), ("alize", "al", None),
         ("icate", "ic", None), ("iciti", "ic", None), ("ical", "ic", None), ("ful", "", None),
         ("ness", "", None), ("ative", "", "r2")]
STEP4 = [(s, "", None) for s in ("al", "ance", "ence", "er", "ic", "able", "ible", "ant",
                                 "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive",
                                 "ize")] + [("ion", "", "st")]


def region_start(t, start):
    i, n = start, len(t)
    while i < n and not is_vowel(t[i]):
        i += 1
    while i < n and is_vowel(t[i]):
        i += 1
    return i + 1 if i < n else n


def replace_longest(t, r2, region, rules):
    best = None
    for rule in rules:
        if t.endswith(rule[0]) and (best is None or len(rule[0]) > len(best[0])):
            best = rule
    if best is None:
        return t
    suffix, replacement, condition = best
    start = len(t) - len(suffix)
    before = t[start - 1] if start > 0 else ""
    if start < region:
        return t
    if condition == "r2" and start < r2:
        return t
    if condition == "l" and before != "l":
        return t
    if condition == "li" and (before == "" or before not in "cdeghkmnrt"):
        return t
    if condition == "st" and (before == "" or before not in "st"):
        return t
    return t[:start] + replacement


def step_1b(t, r1):
    for suffix in ("eedly", "eed"):
        if t.endswith(suffix):
            if len(t) - len(suffix) >= r1:
                t = t[:-len(suffix)] + "ee"
            return t
    for suffix in ("ingly", "edly", "ing", "ed"):
        if t.endswith(suffix):
            start = len(t) - len(suffix)
            if not any(is_vowel(c) for c in t[:start]):
                return t
            t = t[:start]
            if t.endswith("at") or t.endswith("bl") or t.endswith("iz"):
                t += "e"
            elif len(t) >= 2 and t[-1] == t[-2] and t[-1] in "bdfgmnprt":
                t = t[:-1]
            elif r1 >= len(t) and ends_in_short_syllable(t, len(t)):
                t += "e"
            return t
    return t


def step_5(t, r1, r2):
    last = len(t) - 1
    if last < 0:
        return t
    if t[last] == "e":
        if last >= r2 or (last >= r1 and not ends_in_short_syllable(t, last)):
            t = t[:-1]
    elif t[last] == "l" and last >= r2 and last > 0 and t[last - 1] == "l":
        t = t[:-1]
    return t


def stem_english(word):
    if not word or any(not ("a" <= c <= "z" or c == "'") for c in word):
        return word
    if word in EXCEPTIONAL_STEMS:
        return EXCEPTIONAL_STEMS[word]
    if len(word) < 3:
        return word
    t = list(word[1:] if word[0] == "'" else word)
    if t and t[0] == "y":
        t[0] = "Y"
    for i in range(1, len(t)):
        if t[i] == "y" and is_vowel(t[i - 1]):
            t[i] = "Y"
    t = "".join(t)
    r1 = len(t)
    for prefix in ("gener", "commun", "arsen"):
        if t.startswith(prefix):
            r1 = len(prefix)
    if r1 == len(t):
        r1 = region_start(t, 0)
    r2 = region_start(t, r1)
    for suffix in ("'s'", "'s", "'"):
        if t.endswith(suffix):
            t = t[:-len(suffix)]
            break
    if t.endswith("sses"):
        t = t[:-4] + "ss"
    elif t.endswith("ied") or t.endswith("ies"):
        t = t[:-3] + ("i" if len(t) > 4 else "ie")
    elif t.endswith("us") or t.endswith("ss"):
        pass
    elif t.endswith("s") and len(t) >= 2 and any(is_vowel(c) for c in t[:len(t) - 2]):
        t = t[:-1]
    if t not in INVARIANT_AFTER_1A:
        t = step_1b(t, r1)
        if len(t) >= 3 and t[-1] in "yY" and not is_vowel(t[-2]):
            t = t[:-1] + "i"
        t = replace_longest(t, r2, r1, STEP2)
        t = replace_longest(t, r2, r1, STEP3)
        t = replace_longest(t, r2, r2, STEP4)
        t = step_5(t, r1, r2)
    return t.replace("Y", "y")


UNIT_ABBREVIATIONS = {"min": "minute", "mins": "minutes", "sec": "second", "secs": "seconds",
                      "hr": "hour", "hrs": "hours", "wk": "week", "wks": "weeks",
                      "yr": "year", "yrs": "years"}


def char_class(c):
    if "a" <= c <= "z" or "A" <= c <= "Z":
        return "letter"
    if "0" <= c <= "9":
        return "digit"
    if c in "'`":
        return "apostrophe"
    if ord(c) >= 0x80:
        raise ValueError("train.tsv must be ASCII (found %r): this script's tokenizer mirrors "
                         "core/src/text/text.cpp for ASCII only" % c)
    return "separator"


class Token:
    __slots__ = ("text", "stem", "is_number")

    def __init__(self, text, stem, is_number):
        self.text, self.stem, self.is_number = text, stem, is_number


def tokenize(text):
    classes = [char_class(c) for c in text]
    n = len(text)
    tokens = []

    def digit(k):
        return k < n and classes[k] == "digit"

    i = 0
    while i < n:
        if digit(i) or (text[i] == "$" and digit(i + 1)):
            number = ""
            if not digit(i):
                number += text[i]
                i += 1
            while digit(i):
                number += text[i]
                i += 1
            while i < n and text[i] in ".,/:" and digit(i + 1):
                thousands = (text[i] == "," and digit(i + 2) and digit(i + 3)
                             and not digit(i + 4))
                if not thousands:
                    number += text[i]
                i += 1
                while digit(i):
                    number += text[i]
                    i += 1
            if i < n and text[i] == "%":
                number += "%"
                i += 1
            tokens.append(Token(number, number, True))
        elif classes[i] == "letter":
            word = ""
            while i < n:
                if classes[i] in ("letter", "digit"):
                    word += text[i].lower()
                    i += 1
                    continue
                if not (classes[i] == "apostrophe" and i + 1 < n and classes[i + 1] == "letter"):
                    break
                s = i + 1
                if text[s] in "sS" and (s + 1 == n or classes[s + 1] not in ("letter", "digit")):
                    i += 2  # possessive 's
                    break
                i += 1  # "don't" -> "dont"
            tokens.append(Token(word, stem_english(UNIT_ABBREVIATIONS.get(word, word)), False))
        else:
            i += 1
    return tokens


# canvasfit::is_stop_word (core/src/text/text.cpp), for the board model's shared terms; the
# last lines: function words of the other languages canvases are written in.
STOP_WORDS = set("""
a an the i me my mine myself we us our ours ourselves you your yours yourself yourselves he him
his himself she her hers herself it its itself they them their theirs themselves this that these
those who whom whose which what whatever whoever each every either neither any some all both few
many much more most less least other others another such same own several enough anybody anyone
anything everybody everyone everything nobody none noone nothing somebody someone something am is
are was were be been being have has had having do does did doing done can cannot could may might
must shall should will would about above across after against along among around as at before
behind below beside besides between beyond by down during for from in into of off on onto out over
per through to toward towards under until up upon via with within without and but or nor so yet
if than then because since though although unless whether while whereas again also already always
even ever else just now often once only quite rather really still too very almost however
therefore thus instead perhaps please here there where when why how no not never lot lots etc eg
ie vs thing things stuff arent cant couldnt didnt doesnt dont hadnt hasnt havent hes heres im
isnt itll ive lets let mustnt neednt shes shouldnt thats theres theyd theyll theyre theyve wasnt
werent weve whats wheres whos wont wouldnt youd youll youre youve st nd rd th customer customers
user users client clients get gets got getting gotten need needs needed needing want wants wanted
wanting
die met sin con sem meme sao der das des dem den und ein eine einen einem einer eines bei beim
mit von vom zu zum zur auf aus nach vor nicht kein keine keinen sich ist sind wird werden wurde
haben hatte wir ihr sie du dich dir mich mir dass wenn wie oder aber auch nur schon noch sehr
mehr bis ohne gegen durch um jeder jede jedes jeden alle allen diese dieser dieses mein meine
dein deine unser unsere ihre ihren seine kann muss soll le la les un une de et ou en au aux sur
sans avec dans pas ne qui que qu cette ces cet sa ses leur leurs nous vous ils elles elle il est
sont chaque tout tous toute toutes entre apres avant moins tres aussi mais donc lui eux ma mes
ta tes notre nos votre vos se chez vers sous afin comme quand lorsque dont el los las una unos
unas del al por para su sus lo muy mas ya toda todas cada antes despues sobre es esta este estos
estas ese esa como cuando donde pero tambien sino desde hasta hacia nuestro nuestra nuestros
nuestras usted ellos ellas porque uma da dos na em com pra seu sua seus suas muito ao aos pelo
pela pelos pelas num numa nao ja depois quando onde voce eles isso isto esse essa het een te
voor aan bij uit naar zonder niet geen nog ook wat dat deze dit zijn wordt worden heeft hebben
je jij jouw wij ze zij hun ons onze mijn elke elk maar dan wel toch meer ben gli uno di dello
della dei degli delle dal dalla dai nel nella nei sul sulla tra fra che piu ogni senza sono
anche loro suo suoi nostro nostra questo questa quello quella gia molto""".split())


def content_terms(text):
    """Distinct canvasfit::content_terms of a text, sorted."""
    terms = set()
    for token in tokenize(text):
        if token.is_number:
            terms.add(token.text)
        elif not (len(token.text) == 1 and "a" <= token.text <= "z") and \
                token.text not in STOP_WORDS:
            terms.add(token.stem)
    return sorted(terms)


# ---------------------------------------------------------------------------
# Curated cue lexicons. Plain English words, general rather than from any one
# domain; a word is matched by its Porter2 stem, so "delays" and "delayed"
# both count. Written from the canvas definitions (docs/text-classification.md),
# not mined from the corpus.

LEXICONS = [
    # Base-form verbs that open a job: "Collect rent every month".
    ("verb", """accept achieve add adjust administer adopt afford agree allocate analyse analyze
     answer apply approve arrange assemble assess assign attend attract audit avoid back bake
     balance bill book borrow brew bring budget build buy calculate call cancel capture care
     carry catch celebrate change charge chase check choose claim clean clear close coach collect
     combine come communicate compare complete comply confirm connect consolidate contact control
     convert cook coordinate copy cope cover create cut deal decide declutter defend deliver deploy
     design detect develop dispatch distribute do document donate draft drive earn eat edit educate
     eliminate employ enable enjoy enrol enroll ensure enter entertain escape estimate evaluate
     exercise expand explain explore export feed file fill finance find finish fit fix follow
     forecast fulfil fulfill fund gather get give go grow guide handle have help hire host
     identify improve increase inform inspect install insure integrate introduce invest invite
     invoice issue join keep know land launch lead learn lease leave lend list load locate lock
     log look maintain make manage market match measure meet migrate minimise minimize monitor
     motivate move negotiate notify obtain onboard open operate optimise optimize order organise
     organize own pack park pass pay perform pick place plan plant play post practise practice
     prepare present prevent price print prioritise prioritize process produce promote protect
     prove provide publish purchase qualify quote raise reach read rebook receive recommend
     reconcile record recover recruit recycle reduce refer refill register reimburse relax release
     remember remind remove renew rent reorder repair replace reply report request reschedule
     reserve resolve respond restock retain return reuse review reward run save schedule screen
     search secure see select sell send serve set settle share ship shop show sign sort source
     speak spend split staff start stay stick stock stop store study submit supervise supply
     support swap switch take talk teach tell test track trade train transfer translate transport
     travel treat try turn understand update upgrade use validate verify visit vote walk wash
     watch win work write"""),
    # People and organisations a segment names: "Small fleet owners with 5-15 vans".
    ("person", """owner parent manager people person family families professional driver student
     worker freelancer teen teenager adult couple household resident seller artist band firm
     business company companies team practice landlord tenant shopper men women man woman
     graduate rep assistant visitor tradespeople tradesperson commuter traveller traveler buyer
     member retiree senior elderly millennial child children kid patient nurse doctor vet farmer
     school district clinic shop restaurant cafe hotel startup agency organisation organization
     developer designer engineer architect teacher coach player fan homeowner renter employee
     employer operator dispatcher carrier shipper contractor builder organiser organizer planner
     hobbyist enthusiast collector lover beginner learner volunteer charity retailer merchant
     investor founder entrepreneur consumer guest director executive officer agent broker
     accountant lawyer therapist trainer instructor tutor caregiver carer pensioner newcomer expat
     athlete runner cyclist gamer reader writer creator maker producer grower breeder hospital
     venue brand association club crew staff mother father mum mom dad grandparent pupil nanny
     host solo independent"""),
    ("who", "who whose"),
    # A negative experience, risk or obstacle: "Backups never tested".
    ("neg", """no not never cant cannot dont doesnt wont isnt arent didnt couldnt hard difficult
     lost lose losing late later delay delayed delays wait waiting waits long slow slowly
     expensive costly pricey fee fees fine fined fines penalty penalties miss missing missed
     forget forgets forgetting forgotten stuck stranded broken breaks damage damaged error errors
     mistake mistakes confused confusing jargon complicated complex worried worry worries fear
     afraid anxious anxiety stressed stressful frustrating frustrated annoying annoyed embarrassed
     embarrassing hurt hurts painful risk risky danger dangerous unsafe injury injuries accident
     accidents theft stolen steal fraud hack hacked scam scams waste wasted wastes unused empty
     sold cancel cancels cancelled canceled quit quits churn complain complaints angry unhappy
     bored tired exhausted nobody nothing unclear unreliable unpredictable surprise surprised
     surprises hidden overrun overruns overdue overdraft debt rash guilt dirty mess messy noise
     noisy crowded queue queues queuing chased chasing chase manual manually paperwork doubles
     fight fights argument arguments cries cry sick ill fail fails failed failure breakdown
     breakdowns outage outages offline downtime blocked excess abandoned wrong bad poor worse
     worst lack lacks lacking limited shortage unsold spoil spoils spoiled spoilt burn burnt
     bruised leak leaks crash crashes drop drops dropped ignored unread unpaid bounce bounced
     rejected refused denied tedious boring awkward ugly confusion headache hassle chaos dispute
     disputes blame scramble nightmare struggle struggles struggling suffer overwhelmed
     overworked understaffed silly shame ashamed guilty lonely isolated nervous scared panic
     clash clashes conflict conflicts stale thawed squashed shortfall overspend overspending
     overcharged overpriced overbooked unexpected unplanned cost costs charged charge jump jumps
     rises rising steep gave gone disappear disappears vanish useless pointless cheap sore tear
     tears crying rude unfriendly unhelpful insecure vulnerable exposed breach leaked down stop
     stops stopped interrupt interrupted hours ages forever minimum unpronounceable mixed wasting
     busy overloaded juggling shock shocked overflow overflows nowhere shy fade fades ruin
     ruins rot rots vague buried sweaty heavy freezing rush nonstop lugging mould mold smell
     smelly cracked outdated confusing unaffordable unfair scary tricky tough impossible
     nightmare inconvenient"""),
    # A wanted outcome, said as a state or a comparison: "Deposit returned in full".
    ("pos", """less more higher lower cheaper faster quicker better best easy easier simple clear
     calm confident confidence happy happily happier healthy healthier safe safer secure trust
     trusted peace mind reassurance reassured relaxed relaxing fun enjoy enjoyable welcome proud
     praise praised reviews compliments loyal loved comfortable control predictable consistent
     reliable sorted ready savings profit profitable margin growth success successful progress
     noticeable boost zero always feel feels freedom flexibility exclusive quality fresh spotless
     green greener sustainable look looks recognition respected fewer whole entire exact exactly
     certain instantly straight smooth smoothly effortless affordable thriving satisfied stable
     steady independent independence self pride skills skilled fit fitter strong stronger smarter
     wiser tidy organised organized efficient productive rewarding memorable enjoyed friends
     famous popular reputation"""),
    # How the offer removes a pain: "No deposit for members".
    ("remedy", """without instead refund refunded replace replaced guarantee guaranteed insured
     cover covered included fixed capped flat alert alerts warning warnings reminder reminders
     before ahead advance checked verified vetted tested trained backup standby automatic
     automatically auto instant express priority support plain explained explanation tracked
     tracking live monitoring monitored pause paused switch flexible prevent prevents protect
     protects protection avoid avoids ends stops cuts removes handles handled waived swap restored
     rollback checks inspected certified qualified screened matched compensated compensation money
     back free only no never any anytime anywhere within onsite"""),
    # How the offer produces a gain: "Round-ups move spare change to savings".
    ("create", """report reports dashboard summary digest insights insight tips advice recommend
     recommends recommendation recommendations suggestions personalised personalized tailored
     rewards reward loyalty points discount discounts badge badges streak streaks community
     events event club exclusive premium bonus gift share shared history favourites favorites
     calculator score scores progress goals goal chart photos updates journal newsletter ratings
     showcase certificate certification offered celebration concert games learning extra perks
     perk members vip early sneak preview unlock unlocks invite invites curated selection
     highlights"""),
    # Head nouns of an offering: "Shift-booking app for workers".
    ("offer", """app application platform service software tool kit subscription plan programme
     program pass card account membership marketplace portal dashboard module integration
     network range set line chat checker calendar generator quiz planner register lesson lessons
     class classes session sessions night nights unit units locker lockers van vans list lists
     paper papers scheme contract package packages bundle box boxes delivery rental insurance
     fund loan course courses workshop workshops camp coaching training audit check system device
     sensor hardware bot assistant api plugin extension widget feed map finder tracker scanner
     monitor starter bag addon shop store studio space desk centre center hub bus shuttle booking
     machine product option feature version tier library hotline helpline website site tours
     tour clinic bar kiosk truck club"""),
    ("you", "you your yours yourself"),
    ("we", "we our us ours"),
    ("i", "i me my mine myself"),
    ("time", """minute minutes hour hours day days week weeks month months year years morning
     evening night weekend today tomorrow daily weekly monthly yearly annual annually second
     seconds"""),
    ("det", "the a an this that these those"),
    ("each", "every each all always"),
    # Irregular past participles; regular ones are found by their -ed.
    ("part", """sent made done kept shown paid given taken built sold held set put run found known
     left brought bought told seen written drawn driven chosen spent met led read won shared"""),
]
LEXICON_NAMES = [name for name, _ in LEXICONS]

# Function words by grammatical role, for the shape of a note (first match wins
# in this order). The verb lexicon's words, as written, are tagged VB.
SYNTAX_WORDS = [
    ("DET", "the a an this that these those"),
    ("POSS", "your our my their his her its"),
    ("PRON", "you we i they it he she me us them someone everyone anyone"),
    ("PREP", """for with in on at by from to of into before after during until within without over
     under about per via than versus vs"""),
    ("CONJ", "and or but so"),
    ("NEG", "no not never cant dont doesnt wont isnt arent didnt nothing nobody none zero"),
    ("AUX", "is are was were be been being has have had can could will would should may might "
            "must do does did"),
    ("WH", "who which what when where how why whose"),
    ("ADV", "too very only just still already again always also even less more most"),
]
# Lexicons that give a content word its tag suffix ("SNEG": a plural negative word).
TAGGING_LEXICONS = ["person", "offer", "neg", "pos"]


def build_lexicon():
    """stem -> bit mask over LEXICON_NAMES."""
    masks = {}
    for bit, (_, words) in enumerate(LEXICONS):
        for word in words.split():
            stem = stem_english(word)
            masks[stem] = masks.get(stem, 0) | (1 << bit)
    return masks


def build_syntax_words():
    """folded word -> tag; function words first, then the verb lexicon as VB."""
    tags = {}
    for tag, words in SYNTAX_WORDS:
        for word in words.split():
            tags.setdefault(word, tag)
    for word in dict(LEXICONS)["verb"].split():
        tags.setdefault(word, "VB")
    return tags


LEXICON = build_lexicon()
SYNTAX = build_syntax_words()
PART_BIT = 1 << LEXICON_NAMES.index("part")

# ---------------------------------------------------------------------------
# Features: mirrors text_features() in core/src/text/text_classifier.cpp.


def classes_of(stem):
    mask = LEXICON.get(stem, 0)
    return [name for bit, name in enumerate(LEXICON_NAMES) if mask & (1 << bit)]


def syntax_tag(token):
    if token.is_number:
        return "NUM"
    word = token.text
    if word in SYNTAX:
        return SYNTAX[word]
    if LEXICON.get(token.stem, 0) & PART_BIT or (len(word) > 4 and word.endswith("ed")):
        return "ED"
    if len(word) > 4 and word.endswith("ing"):
        return "ING"
    meaning = ""
    for name in TAGGING_LEXICONS:
        if name in classes_of(token.stem):
            meaning = name.upper()
            break
    plural = len(word) > 3 and word.endswith("s") and not word.endswith("ss") and \
        not word.endswith("us")
    return ("S" if plural else "W") + meaning


def length_bucket(n):
    if n == 0:
        return "0"  # no words: only the prior speaks
    return "1" if n <= 2 else "2" if n <= 4 else "3" if n <= 6 else "4" if n <= 9 else "5"


def text_features(text):
    """(word_features, shape_features): sets of feature names. Word features
    name a stem and only count once a vocabulary admits them."""
    tokens = tokenize(text)
    keys = ["#" if t.is_number else t.stem for t in tokens]
    words, shape = set(), {"bias"}
    for key in keys:
        words.add("w:" + key)
        for name in classes_of(key):
            shape.add("c:" + name)
    for a, b in zip(keys, keys[1:]):
        words.add("b:" + a + "_" + b)
    if keys:
        words.add("f:" + keys[0])
        words.add("l:" + keys[-1])
        for name in classes_of(keys[0]):
            shape.add("fc:" + name)
        for name in classes_of(keys[-1]):
            shape.add("lc:" + name)
    if len(keys) > 1:
        for name in classes_of(keys[1]):
            shape.add("sc:" + name)
    shape.add("n:" + length_bucket(len(keys)))
    negative = LEXICON_NAMES.index("neg")
    if sum(1 for key in keys if LEXICON.get(key, 0) & (1 << negative)) >= 2:
        shape.add("c2:neg")
    numbers = sum(1 for t in tokens if t.is_number)
    if numbers >= 1:
        shape.add("num:1")
    if numbers >= 2:
        shape.add("num:2")
    tags = [syntax_tag(t) for t in tokens]
    if tags:
        shape.add("g0:" + tags[0])
        shape.add("gl:" + tags[-1])
    if len(tags) > 1:
        shape.add("g01:" + tags[0] + "_" + tags[1])
    if len(tags) > 2:
        shape.add("g012:" + tags[0] + "_" + tags[1] + "_" + tags[2])
    for a, b in zip(tags, tags[1:]):
        shape.add("g:" + a + "_" + b)
    return words, shape


def board_context(term_lists, labels):
    """Per note, per section: the fixed-point share of the board's other
    labelled notes that use the note's terms and carry that section. Mirrors
    board_context() in text_classifier.cpp: a term's share is counted once
    per note, truncated to 1/1024, and the sum is capped at 3."""
    df = {}
    df_by_section = {}
    for terms, label in zip(term_lists, labels):
        if label is None:
            continue
        for term in terms:
            df[term] = df.get(term, 0) + 1
            df_by_section[(term, label)] = df_by_section.get((term, label), 0) + 1
    contexts = []
    for terms, label in zip(term_lists, labels):
        context = [0] * K
        own = 0 if label is None else 1
        for term in terms:
            others = df.get(term, 0) - own
            if others <= 0:
                continue
            for k in range(K):
                same = df_by_section.get((term, k), 0) - (1 if label == k else 0)
                context[k] += same * CONTEXT_ONE // others
        contexts.append([min(value, CONTEXT_CAP) for value in context])
    return contexts


def context_features(context):
    return [("ctx:" + CLASSES[k], context[k]) for k in range(K) if context[k] > 0]


# ---------------------------------------------------------------------------
# Multinomial logistic regression, L-BFGS, plain Python floats.


def dot(a, b):
    return math.fsum(x * y for x, y in zip(a, b))


def train_logistic(examples, labels):
    """examples: lists of (feature, value). Returns {feature: [K weights]}."""
    names = sorted({name for example in examples for name, _ in example})
    index = {name: i for i, name in enumerate(names)}
    rows = [[(index[name], value) for name, value in example] for example in examples]
    size = len(names) * K

    def loss_and_gradient(w):
        gradient = [0.0] * size
        loss = 0.0
        for row, label in zip(rows, labels):
            scores = [0.0] * K
            for j, value in row:
                base = j * K
                for k in range(K):
                    scores[k] += w[base + k] * value
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            loss += math.log(total) + top - scores[label]
            for k in range(K):
                p = exps[k] / total - (1.0 if k == label else 0.0)
                for j, value in row:
                    gradient[j * K + k] += p * value
        for i in range(size):
            loss += 0.5 * L2 * w[i] * w[i]
            gradient[i] += L2 * w[i]
        return loss, gradient

    w = lbfgs(loss_and_gradient, [0.0] * size)
    weights = {name: w[index[name] * K:(index[name] + 1) * K] for name in names}
    return prune(weights)


def prune(weights):
    """Drops the features whose weights hardly tell the sections apart: a
    feature that adds nearly the same to every section changes no decision,
    and the compiled tables must stay small (the wasm module's size)."""
    return {name: w for name, w in weights.items()
            if name == "bias" or name.startswith("ctx:") or max(w) - min(w) >= PRUNE_NATS}


def lbfgs(loss_and_gradient, x, history=8):
    f, g = loss_and_gradient(x)
    steps, changes = [], []
    for _ in range(LBFGS_ITERATIONS):
        q = g[:]
        saved = []
        for s, y in reversed(list(zip(steps, changes))):
            rho = 1.0 / dot(y, s)
            alpha = rho * dot(s, q)
            saved.append((alpha, rho, s, y))
            q = [qi - alpha * yi for qi, yi in zip(q, y)]
        if steps:
            gamma = dot(steps[-1], changes[-1]) / dot(changes[-1], changes[-1])
        else:
            gamma = 1.0 / max(math.sqrt(dot(g, g)), 1e-12)
        q = [gamma * qi for qi in q]
        for alpha, rho, s, y in reversed(saved):
            beta = rho * dot(y, q)
            q = [qi + si * (alpha - beta) for qi, si in zip(q, s)]
        direction = [-qi for qi in q]
        slope = dot(g, direction)
        if slope >= 0:
            direction = [-gi for gi in g]
            slope = dot(g, direction)
            steps, changes = [], []
        t = 1.0
        while True:
            x_new = [xi + t * di for xi, di in zip(x, direction)]
            f_new, g_new = loss_and_gradient(x_new)
            if f_new <= f + 1e-4 * t * slope or t < 1e-10:
                break
            t *= 0.5
        s = [a - b for a, b in zip(x_new, x)]
        y = [a - b for a, b in zip(g_new, g)]
        if dot(s, y) > 1e-12:
            steps.append(s)
            changes.append(y)
            if len(steps) > history:
                steps.pop(0)
                changes.pop(0)
        converged = abs(f - f_new) < 1e-8 * max(1.0, abs(f))
        x, f, g = x_new, f_new, g_new
        if converged:
            break
    return x


def float_scores(weights, example):
    scores = [0.0] * K
    for name, value in example:
        w = weights.get(name)
        if w is not None:
            for k in range(K):
                scores[k] += w[k] * value
    return scores


def softmax(scores, temperature):
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def argmax(values):
    best = 0
    for k in range(1, len(values)):
        if values[k] > values[best]:
            best = k
    return best


# ---------------------------------------------------------------------------
# Corpus, vocabulary, training of both models.


def read_corpus(path):
    """[(label, text, domain)]. A domain starts at each run of segment lines."""
    notes = []
    domain = -1
    previous = None
    with open(path, encoding="utf-8") as corpus:
        for number, line in enumerate(corpus, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            section, _, text = line.partition("\t")
            if section not in CLASSES or not text:
                raise ValueError("%s:%d: expected section<TAB>text" % (path, number))
            if section == "segment" and previous != "segment":
                domain += 1
            previous = section
            notes.append((CLASSES.index(section), text, domain))
    return notes


def vocabulary(notes, features):
    domains_of = {}
    for (_, _, domain), (words, _) in zip(notes, features):
        for name in words:
            domains_of.setdefault(name, set()).add(domain)
    return {name for name, domains in domains_of.items() if len(domains) >= MIN_DOMAINS}


def text_example(features, vocab):
    words, shape = features
    return [(name, 1.0) for name in sorted(shape | (words & vocab))]


def board_example(features, vocab, context):
    return text_example(features, vocab) + [(name, value / CONTEXT_ONE)
                                            for name, value in context_features(context)]


def contexts_by_domain(notes, labels, terms):
    """Board context of every note, each domain read as one board."""
    contexts = [None] * len(notes)
    for domain in sorted({d for _, _, d in notes}):
        members = [i for i, note in enumerate(notes) if note[2] == domain]
        values = board_context([terms[i] for i in members], [labels[i] for i in members])
        for i, value in zip(members, values):
            contexts[i] = value
    return contexts


def train_text_model(notes, features):
    vocab = vocabulary(notes, features)
    weights = train_logistic([text_example(f, vocab) for f in features],
                             [label for label, _, _ in notes])
    return vocab, weights


def train_board_model(notes, features, vocab, contexts):
    return train_logistic([board_example(f, vocab, c) for f, c in zip(features, contexts)],
                          [label for label, _, _ in notes])


def folds_of(notes):
    """FOLDS sets of whole domains."""
    domains = sorted({d for _, _, d in notes})
    return [{d for i, d in enumerate(domains) if i % FOLDS == fold} for fold in range(FOLDS)]


def cross_validate(notes, features, terms):
    """Out-of-fold float scores of both models for every note, and the board
    contexts built from the out-of-fold text labels.

    The board model learns from contexts as a real board gives them: the other
    notes labelled by a text model that never saw their domain. Those labels
    come from this same cross-validation, so the board model of one fold has
    seen contexts whose labels a model trained with that fold produced; the
    effect on its estimate is second order and buys one pass instead of
    nested ones."""
    text_scores = [None] * len(notes)
    board_scores = [None] * len(notes)
    guesses = [None] * len(notes)
    vocabs = []
    for held in folds_of(notes):
        inside = [i for i, note in enumerate(notes) if note[2] not in held]
        vocab, weights = train_text_model([notes[i] for i in inside],
                                          [features[i] for i in inside])
        vocabs.append(vocab)
        for i, note in enumerate(notes):
            if note[2] in held:
                text_scores[i] = float_scores(weights, text_example(features[i], vocab))
                guesses[i] = argmax(text_scores[i])
    contexts = contexts_by_domain(notes, guesses, terms)
    for held, vocab in zip(folds_of(notes), vocabs):
        inside = [i for i, note in enumerate(notes) if note[2] not in held]
        weights = train_board_model([notes[i] for i in inside], [features[i] for i in inside],
                                    vocab, [contexts[i] for i in inside])
        for i, note in enumerate(notes):
            if note[2] in held:
                board_scores[i] = float_scores(
                    weights, board_example(features[i], vocab, contexts[i]))
    return text_scores, board_scores, contexts


def fit_temperature(scores, labels):
    """The temperature that minimises the negative log-likelihood, to 0.01."""
    best, best_loss = 1.0, None
    for step in range(25, 401):
        temperature = step / 100
        loss = 0.0
        for s, label in zip(scores, labels):
            loss -= math.log(max(softmax(s, temperature)[label], 1e-300))
        if best_loss is None or loss < best_loss:
            best, best_loss = temperature, loss
    return best


# ---------------------------------------------------------------------------
# Integer model, as the core evaluates it.


def quantize(weights, temperature):
    table = {}
    for name, w in weights.items():
        ints = [int(math.floor(v / temperature * SCALE + 0.5)) for v in w]
        if any(abs(v) > 32767 for v in ints):
            raise ValueError("weight of %s out of the int16 range of the compiled table" % name)
        if any(ints):
            table[name] = ints
    return table


def exp_tables():
    """exp(-d / SCALE) for d = SCALE * whole + fraction, in units of EXP_ONE."""
    fraction = [int(math.floor(math.exp(-f / SCALE) * EXP_ONE + 0.5)) for f in range(SCALE)]
    whole = []
    w = 0
    while True:
        value = int(math.floor(math.exp(-w) * EXP_ONE + 0.5))
        if value == 0:
            break
        whole.append(value)
        w += 1
    return whole, fraction


def trunc_div(a, b):
    """C++ integer division (towards zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def integer_scores(table, features, context=None):
    """Scores as the core computes them: the table holds only admitted features."""
    words, shape = features
    scores = [0] * K
    for name in sorted(words | shape):
        w = table.get(name)
        if w is not None:
            for k in range(K):
                scores[k] += w[k]
    if context is not None:
        for name, value in context_features(context):
            w = table.get(name)
            if w is not None:
                for k in range(K):
                    scores[k] += trunc_div(w[k] * value, CONTEXT_ONE)
    return scores


def integer_confidence(scores, tables):
    """Percent confidence of the top class, from the integer softmax."""
    whole, fraction = tables
    top = argmax(scores)
    total = 0
    for s in scores:
        d = scores[top] - s
        if d // SCALE < len(whole):
            total += (whole[d // SCALE] * fraction[d % SCALE]) >> 30
    return top, (100 * EXP_ONE + total // 2) // total


def fingerprint(text_table, board_table, features, contexts, tables):
    """A checksum of every training note's integer scores and confidence under
    both models; the C++ test recomputes it from the same file. Arithmetic
    modulo 2^64, as std::uint64_t wraps."""
    mask = (1 << 64) - 1
    value = 0
    for i, f in enumerate(features):
        for scores in (integer_scores(text_table, f), integer_scores(board_table, f, contexts[i])):
            top, percent = integer_confidence(scores, tables)
            for k in range(K):
                value = (value * 31 + (scores[k] & mask)) & mask
            value = (value * 31 + top * 101 + percent) & mask
    return value


# ---------------------------------------------------------------------------
# Output.


def cpp_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def emit(text_table, board_table, temperatures, tables, print_value, train_count):
    whole, fraction = tables
    out = []
    out.append("// Generated by scripts/train_text_classifier.py from tests/corpus/notes/train.tsv.")
    out.append("// Do not edit: change the script or the corpus and run it again.")
    out.append("// Included once, inside namespace canvasfit::text_model (text_classifier.cpp).")
    out.append("")
    out.append("constexpr int kTrainingNotes = %d;" % train_count)
    out.append("constexpr int kScale = %d;  // integer score units per nat" % SCALE)
    out.append("constexpr int kContextOne = %d;" % CONTEXT_ONE)
    out.append("constexpr int kContextCap = %d;" % CONTEXT_CAP)
    out.append("constexpr int kMinConfidencePercent = %d;" % MIN_CONFIDENCE_PERCENT)
    out.append("constexpr int kMisplacedConfidencePercent = %d;" % MISPLACED_CONFIDENCE_PERCENT)
    out.append("// Softmax temperatures fitted by cross-validation, already divided into the weights.")
    out.append("constexpr double kTextTemperature = %.2f;" % temperatures[0])
    out.append("constexpr double kBoardTemperature = %.2f;" % temperatures[1])
    out.append("constexpr std::uint64_t kTrainingFingerprint = %dULL;" % print_value)
    out.append("")
    out.append("constexpr const char* kLexiconNames[] = {%s};" %
               ", ".join(cpp_string(n) for n in LEXICON_NAMES))
    out.append("constexpr const char* kTaggingLexicons[] = {%s};" %
               ", ".join(cpp_string(n) for n in TAGGING_LEXICONS))
    out.append("")
    out.append("// Stem -> bit mask over kLexiconNames, sorted by stem.")
    out.append("constexpr LexiconEntry kLexicon[] = {")
    for stem in sorted(LEXICON):
        out.append("    {%s, 0x%x}," % (cpp_string(stem), LEXICON[stem]))
    out.append("};")
    out.append("")
    out.append("// Folded word -> syntax tag, sorted by word.")
    out.append("constexpr SyntaxEntry kSyntaxWords[] = {")
    for word in sorted(SYNTAX):
        out.append("    {%s, %s}," % (cpp_string(word), cpp_string(SYNTAX[word])))
    out.append("};")
    out.append("")
    out.append("// exp(-d / kScale) = kExpWhole[d / kScale] * kExpFraction[d % kScale] / 2^60.")
    out.append("constexpr std::int64_t kExpWhole[] = {%s};" % ", ".join(str(v) for v in whole))
    out.append("constexpr std::int64_t kExpFraction[] = {")
    for start in range(0, len(fraction), 8):
        out.append("    " + ", ".join(str(v) for v in fraction[start:start + 8]) + ",")
    out.append("};")
    for name, table in (("kTextWeights", text_table), ("kBoardWeights", board_table)):
        out.append("")
        out.append("// Feature -> integer weight per section (segment, jobs, pains, gains, "
                   "products,")
        out.append("// relievers, creators), sorted by feature.")
        out.append("constexpr FeatureWeights %s[] = {" % name)
        for feature in sorted(table):
            out.append("    {%s, {%s}}," % (cpp_string(feature),
                                            ", ".join(str(v) for v in table[feature])))
        out.append("};")
    return "\n".join(out) + "\n"


def reliability(probabilities, labels):
    bins = [(0.0, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9),
            (0.9, 1.01)]
    rows = []
    for low, high in bins:
        members = [(max(p), argmax(p) == label) for p, label in zip(probabilities, labels)
                   if low <= max(p) < high]
        if members:
            mean = sum(c for c, _ in members) / len(members)
            accuracy = sum(1 for _, ok in members if ok) / len(members)
            rows.append("| %.1f-%.1f | %d | %.2f | %.2f |" % (low, min(high, 1.0), len(members),
                                                             mean, accuracy))
    return rows


def print_report(labels, text_scores, board_scores, temperatures):
    for title, scores, temperature in (("text model", text_scores, temperatures[0]),
                                       ("board model", board_scores, temperatures[1])):
        probabilities = [softmax(s, temperature) for s in scores]
        predictions = [argmax(p) for p in probabilities]
        right = sum(1 for p, label in zip(predictions, labels) if p == label)
        print("## %s, %d-fold cross-validation by domain (T = %.2f)" % (title, FOLDS,
                                                                       temperature))
        print("accuracy %.3f (%d/%d)" % (right / len(labels), right, len(labels)))
        kept = [(p, label) for p, label in zip(probabilities, labels)
                if max(p) * 100 >= MIN_CONFIDENCE_PERCENT]
        kept_right = sum(1 for p, label in kept if argmax(p) == label)
        print("at confidence >= %d%%: %d placed, %.3f of them right; %.3f of all notes right" % (
            MIN_CONFIDENCE_PERCENT, len(kept), kept_right / max(1, len(kept)),
            kept_right / len(labels)))
        strong = [(p, label) for p, label in zip(probabilities, labels)
                  if max(p) * 100 >= MISPLACED_CONFIDENCE_PERCENT]
        strong_right = sum(1 for p, label in strong if argmax(p) == label)
        print("at confidence >= %d%%: %d notes, %.3f right" % (
            MISPLACED_CONFIDENCE_PERCENT, len(strong), strong_right / max(1, len(strong))))
        print("| confidence | notes | mean confidence | accuracy |")
        print("|---|---|---|---|")
        for row in reliability(probabilities, labels):
            print(row)
        print("confusion (rows: truth, columns: predicted)")
        print("%10s " % "" + " ".join("%5s" % c[:5] for c in CLASSES))
        for k in range(K):
            row = [sum(1 for p, label in zip(predictions, labels) if label == k and p == j)
                   for j in range(K)]
            print("%10s " % CLASSES[k] + " ".join("%5d" % v for v in row))
        print()


def main(argv):
    notes = read_corpus(TRAIN)
    features = [text_features(text) for _, text, _ in notes]
    terms = [content_terms(text) for _, text, _ in notes]
    labels = [label for label, _, _ in notes]

    text_scores, board_scores, contexts = cross_validate(notes, features, terms)
    temperatures = (fit_temperature(text_scores, labels), fit_temperature(board_scores, labels))
    if "--report" in argv:
        print_report(labels, text_scores, board_scores, temperatures)

    vocab, text_weights = train_text_model(notes, features)
    board_weights = train_board_model(notes, features, vocab, contexts)
    text_table = quantize(text_weights, temperatures[0])
    board_table = quantize(board_weights, temperatures[1])
    tables = exp_tables()
    # The fingerprint's contexts: each domain as a board, labelled by the final text model.
    guesses = [integer_confidence(integer_scores(text_table, f), tables)[0] for f in features]
    contexts = contexts_by_domain(notes, guesses, terms)
    print_value = fingerprint(text_table, board_table, features, contexts, tables)
    generated = emit(text_table, board_table, temperatures, tables, print_value, len(notes))

    if "--check" in argv:
        with open(OUTPUT, encoding="utf-8") as current:
            if current.read() != generated:
                print("%s is stale: run scripts/train_text_classifier.py" % OUTPUT)
                return 1
        print("%s is up to date" % OUTPUT)
        return 0
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(generated)
    print("wrote %s: %d text and %d board features, T = %.2f / %.2f" % (
        os.path.relpath(OUTPUT, ROOT), len(text_table), len(board_table), *temperatures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
