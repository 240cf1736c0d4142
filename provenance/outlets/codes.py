"""ISO code lists and country words used to validate and disambiguate outlets.

Country codes are ISO 3166-1 alpha-2 plus the user-assigned ranges (AA, QM-QZ, XA-XZ, ZZ) that
demo corpora use for fictional countries; languages are ISO 639-1.

>>> is_country_code("HU"), is_country_code("XQ"), is_country_code("UK")
(True, True, False)
>>> COUNTRY_WORDS["Hungary's"]
'HU'
"""

from __future__ import annotations

_ISO_3166 = """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW
GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM
ZW
"""
# ISO 3166 reserves these for user assignment; XK (Kosovo) falls in XA-XZ.
_USER_ASSIGNED = (
    {"AA", "ZZ"}
    | {f"Q{c}" for c in "MNOPQRSTUVWXYZ"}
    | {f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
)
COUNTRY_CODES: frozenset[str] = frozenset(_ISO_3166.split()) | _USER_ASSIGNED

LANGUAGE_CODES: frozenset[str] = frozenset(
    """
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split()
)

# Country names and adjectives as they precede an outlet name ("Hungary's Magyar Nemzet",
# "Pakistani daily Dawn"); possessives are added below.
_COUNTRY_NAMES = """
AE: UAE, Emirati, Emirates, United Arab Emirates
AR: Argentina, Argentine, Argentinian
AT: Austria, Austrian
AU: Australia, Australian
BD: Bangladesh, Bangladeshi
BE: Belgium, Belgian
BG: Bulgaria, Bulgarian
BR: Brazil, Brazilian
BY: Belarus, Belarusian
CA: Canada, Canadian
CH: Switzerland, Swiss
CL: Chile, Chilean
CN: China, Chinese, Beijing
CO: Colombia, Colombian
CU: Cuba, Cuban
CY: Cyprus, Cypriot
CZ: Czech Republic, Czechia, Czech
DE: Germany, German
DK: Denmark, Danish
DZ: Algeria, Algerian
EE: Estonia, Estonian
EG: Egypt, Egyptian
ES: Spain, Spanish
ET: Ethiopia, Ethiopian
FI: Finland, Finnish
FR: France, French
GB: Britain, British, UK, U.K., United Kingdom, England, London, Scotland, Scottish
GE: Georgia, Georgian
GH: Ghana, Ghanaian
GR: Greece, Greek
HK: Hong Kong
HR: Croatia, Croatian
HU: Hungary, Hungarian, Budapest
ID: Indonesia, Indonesian
IE: Ireland, Irish
IL: Israel, Israeli
IN: India, Indian, New Delhi
IQ: Iraq, Iraqi
IR: Iran, Iranian, Tehran
IT: Italy, Italian
JO: Jordan, Jordanian
JP: Japan, Japanese, Tokyo
KE: Kenya, Kenyan
KP: North Korea, North Korean, Pyongyang
KR: South Korea, South Korean, Korea, Korean, Seoul
KZ: Kazakhstan, Kazakh
LB: Lebanon, Lebanese
LK: Sri Lanka, Sri Lankan
LT: Lithuania, Lithuanian
LV: Latvia, Latvian
MA: Morocco, Moroccan
MT: Malta, Maltese
MX: Mexico, Mexican
MY: Malaysia, Malaysian
NG: Nigeria, Nigerian
NL: Netherlands, Dutch
NO: Norway, Norwegian
NZ: New Zealand
PE: Peru, Peruvian
PH: Philippines, Philippine, Filipino
PK: Pakistan, Pakistani, Islamabad
PL: Poland, Polish
PS: Palestine, Palestinian
PT: Portugal, Portuguese
QA: Qatar, Qatari
RO: Romania, Romanian
RS: Serbia, Serbian
RU: Russia, Russian, Moscow, Kremlin
SA: Saudi Arabia, Saudi
SE: Sweden, Swedish
SG: Singapore, Singaporean
SI: Slovenia, Slovenian
SK: Slovakia, Slovak
SY: Syria, Syrian
TH: Thailand, Thai
TR: Turkey, Türkiye, Turkish, Ankara
TW: Taiwan, Taiwanese
TZ: Tanzania, Tanzanian
UA: Ukraine, Ukrainian, Kyiv
UG: Uganda, Ugandan
US: United States, U.S., US, America, American, Washington
UY: Uruguay, Uruguayan
VE: Venezuela, Venezuelan
VN: Vietnam, Vietnamese
ZA: South Africa, South African
ZW: Zimbabwe, Zimbabwean
"""


def _country_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for line in _COUNTRY_NAMES.strip().splitlines():
        code, names = line.split(":", 1)
        for name in (n.strip() for n in names.split(",")):
            words[name] = code
            for apostrophe in ("'s", "’s"):
                words[name + apostrophe] = code
    return words


COUNTRY_WORDS: dict[str, str] = _country_words()


def is_country_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code or a user-assigned code (upper case)."""
    return code in COUNTRY_CODES


def is_language_code(code: str) -> bool:
    """True for an ISO 639-1 code (lower case)."""
    return code in LANGUAGE_CODES
