"""Missouri's in-person visiting rules (see visits/seed.py).

Each fact below comes from the department's visitor guide ("Visiting an
offender", read 2025-09-28); the V-numbers name the fact in our fact list.
"""

from datetime import date, time

from portal.models import Agency, FacilityKind
from portal.seeding import Seeder
from visits.models import (
    CarryAllItem,
    EntryKind,
    IdRule,
    Topic,
    VisitingSession,
    VisitorListPolicy,
    VisitRule,
    Weekday,
    WhoMayCome,
)

SOURCE = "Missouri DOC, Visiting an offender (visitor guide), read 2025-09-28"
REVIEWED = date(2025, 9, 28)


def _src(*facts: str) -> dict:
    return {"source": f"{SOURCE}, {', '.join(facts)}", "last_reviewed": REVIEWED}


# V2, V3: Friday to Sunday, two sessions a day, at every facility except
# diagnostic and treatment centers.
DEFAULT_SESSIONS = [(time(9, 30), time(13, 30)), (time(14, 30), time(18, 30))]
DEFAULT_DAYS = [Weekday.FRIDAY, Weekday.SATURDAY, Weekday.SUNDAY]

# V2: "diagnostic and treatment centers" set their own days. Fulton (a reception
# and diagnostic center only) and Maryville (a treatment center) get "call the
# facility" until staff enter their days. The three "reception, diagnostic and
# correctional" centers (ERDCC, WRDCC, WERDCC) also hold a general population
# under the regular schedule, so they follow the default hours; staff can give
# any of them its own rows if that changes.
OWN_DAYS_KINDS = [FacilityKind.RECEPTION_DIAGNOSTIC, FacilityKind.TREATMENT]

ID_RULES = [
    # (key, min_age, max_age, ID, with an approved adult) - V13
    ("under-13", 0, 12, "", True),
    ("age-13-17", 13, 17, "A school photo ID or a Department of Revenue ID", True),
    (
        "adult",
        18,
        None,
        "A valid photo ID: a driver's license or a Department of Revenue ID",
        False,
    ),
]

CARRY_ALL = [
    # (key, name, most allowed) - V21
    ("diapers", "Diapers", 6),
    ("blanket", "Blanket", 1),
    ("bottles", "Clear plastic bottles of prepared infant drink", 3),
    ("toddler-cup", "Clear plastic no-spill toddler cup", 1),
    ("baby-food", "Unopened store containers of baby food", 3),
    ("pacifier", "Plastic pacifier, teether or rattle (all together)", 1),
    ("spoon", "Small plastic spoon", 1),
    ("wipes", "Unopened package of baby wipes", 1),
]

RULES = [
    # (key, topic, text, facts)
    (
        "wait-for-approval",
        Topic.BEFORE,
        "Do not visit until the person tells you that you are approved. "
        "You can check first with the visiting room staff or the person's caseworker.",
        "V1",
    ),
    (
        "visits-vary",
        Topic.BEFORE,
        "How many visits the person may have, and how long they last, differ from one "
        "facility to another.",
        "V5",
    ),
    (
        "security-delays",
        Topic.BEFORE,
        "Security problems can delay, shorten or cancel a visit.",
        "V7",
    ),
    (
        "list-size",
        Topic.VISITOR_LIST,
        "The person chooses who is on their list. They may change it twice a year, at set times.",
        "V8",
    ),
    (
        "list-application",
        Topic.VISITOR_LIST,
        "The person mails you a visiting application. Answer every question fully and "
        "honestly. The department will check your full criminal history.",
        "V9",
    ),
    (
        "list-return",
        Topic.VISITOR_LIST,
        "Send the form back to the department as the form says. Do not send it to the person.",
        "V9",
    ),
    (
        "list-told",
        Topic.VISITOR_LIST,
        "When you are approved, the department tells the person, and the person tells you.",
        "V9",
    ),
    (
        "list-one-only",
        Topic.VISITOR_LIST,
        "You may be on only one person's visitor list. The exception: you are verified "
        "immediate family of more than one person.",
        "V10",
    ),
    (
        "list-family-of-both",
        Topic.VISITOR_LIST,
        "As immediate family of both people, you may be on both lists. The department "
        "checks that you are family.",
        "V10",
    ),
    (
        "list-officer",
        Topic.VISITOR_LIST,
        "If you were in prison, or are on probation or parole, you may or may not be "
        "approved. You need approval from your probation and parole officer.",
        "V11",
    ),
    (
        "list-documents",
        Topic.VISITOR_LIST,
        "You may be asked for extra documents, such as a marriage license.",
        "V12",
    ),
    (
        "list-no-diagnostic",
        Topic.VISITOR_LIST,
        "People still in the diagnostic process or in a treatment program may have "
        "different list rules. Ask the facility.",
        "V8",
    ),
    (
        "arrive-not-early",
        Topic.HOURS,
        "Do not arrive on the grounds before visiting hours begin.",
        "V4",
    ),
    (
        "reserved-weekend",
        Topic.HOURS,
        "A weekend may be kept for immediate family only (spouse, children, parents, "
        "brothers and sisters, grandparents, step relations) or for one chosen visitor. "
        "Each visitor may come to one visiting period a day.",
        "V6",
    ),
    ("bring-id", Topic.BRING, "Your photo ID (see the ID for each visitor above).", "V13"),
    (
        "bring-coins",
        Topic.BRING,
        "Coins for the vending machines, in a clear zip-lock bag or plastic pouch.",
        "V15",
    ),
    (
        "leave-everything",
        Topic.LEAVE,
        "Everything else: no gum, wallet, purse, phone or other items. Leave them in your "
        "vehicle. Most facilities have small lockers.",
        "V15, V17",
    ),
    (
        "leave-contraband",
        Topic.LEAVE,
        "Bringing drugs, alcohol, a firearm or anything the person may not have is a crime "
        "(Missouri law 217.360). A felony can mean up to 15 years in prison.",
        "V16",
    ),
    (
        "medicine-original",
        Topic.MEDICINE,
        "Life-sustaining medicine only (such as nitroglycerin, insulin and its supplies, "
        "oxygen, an asthma inhaler), in its original container.",
        "V18",
    ),
    (
        "medicine-dose",
        Topic.MEDICINE,
        "Bring only the dose you need during the visit.",
        "V18",
    ),
    (
        "medicine-tell",
        Topic.MEDICINE,
        "Tell staff about the medicine when you arrive.",
        "V18",
    ),
    (
        "equipment-statement",
        Topic.EQUIPMENT,
        "Walker, wheelchair or metal implant: bring a statement from your doctor.",
        "V19",
    ),
    (
        "equipment-notice",
        Topic.EQUIPMENT,
        "Before the visit day, tell the person's caseworker or the visiting room contact "
        "about the equipment.",
        "V19",
    ),
    (
        "infant-bag",
        Topic.INFANT,
        "One clear carry-all for the baby, with only the items on the list. Staff may search it.",
        "V21",
    ),
    (
        "children-control",
        Topic.INFANT,
        "Keep your children with you and under control. Unruly children can end the visit.",
        "V22",
    ),
    (
        "dress-fit",
        Topic.DRESS,
        "Nothing tight, see-through or revealing.",
        "V23",
    ),
    (
        "dress-words",
        Topic.DRESS,
        "No gang, racial, rude or hateful words or symbols. No camouflage.",
        "V23",
    ),
    (
        "dress-length",
        Topic.DRESS,
        "Skirts, dresses and shorts reach no higher than 2 inches above the top of the knee. "
        "No wrap-around skirts or dresses, no slits.",
        "V23",
    ),
    ("dress-pants", Topic.DRESS, "No holes or slits in pants.", "V23"),
    (
        "dress-tops",
        Topic.DRESS,
        "Tops cover your chest and stomach, with sleeves over the shoulders. "
        "No cleavage or bare midriff.",
        "V23",
    ),
    ("dress-underwear", Topic.DRESS, "Underwear and shoes at all times.", "V23"),
    (
        "dress-underwire",
        Topic.DRESS,
        "Best to avoid an underwire bra: it can set off the metal detector.",
        "V23",
    ),
    (
        "dress-headwear",
        Topic.DRESS,
        "No hats or head coverings, except verified religious headwear, which may be searched.",
        "V23",
    ),
    (
        "dress-breach",
        Topic.SANCTIONS,
        "If your clothes break the dress code, the visit can be refused, or you may have to "
        "wear clothes from the facility.",
        "V23",
    ),
    (
        "contact-greeting",
        Topic.CONTACT,
        "One hug and a short kiss when you meet and when you leave. Otherwise, you may hold hands.",
        "V24",
    ),
    (
        "contact-lap",
        Topic.CONTACT,
        "Children 6 and under may sit on the person's lap. This is not allowed when the person "
        "has a sex offense: stricter contact rules apply.",
        "V24",
    ),
    (
        "contact-child-alone",
        Topic.CONTACT,
        "The person is never left alone with a child.",
        "V24",
    ),
    (
        "search-detector",
        Topic.SEARCH,
        "You walk through a metal detector or are checked with a hand-held wand.",
        "V14",
    ),
    (
        "search-wipe",
        Topic.SEARCH,
        "Staff may wipe your shirt front, pockets and palms to test for drugs (Itemiser or "
        "Ion Scan).",
        "V14",
    ),
    (
        "search-all",
        Topic.SEARCH,
        "You, your bags, your children and your vehicle can be searched.",
        "V17",
    ),
    (
        "search-report",
        Topic.SEARCH,
        "To report contraband without giving your name, call 573-526-7000.",
        "V14",
    ),
    (
        "food-visits",
        Topic.FOOD,
        "Food visits happen at least twice a year at every facility except community release "
        "and treatment centers. Food may be home-cooked, bought, or from an approved local "
        "vendor. Each facility sets its own rules: ask it first.",
        "V27",
    ),
    (
        "photos",
        Topic.PHOTOS,
        "Some visits offer photos with your loved one. Ask the visiting room staff.",
        "V25",
    ),
    (
        "vending",
        Topic.VENDING,
        "Vending machines sell sandwiches, snacks, chips, candy and drinks.",
        "V26",
    ),
    (
        "sanitary",
        Topic.VENDING,
        "Sanitary supplies are sold in the restroom for a small fee.",
        "V20",
    ),
    (
        "sanctions",
        Topic.SANCTIONS,
        "Misconduct can lead to arrest, to visits being stopped for a time, or to visits "
        "without contact. The facility sends you a written notice.",
        "V28",
    ),
    (
        "appeal",
        Topic.SANCTIONS,
        "You can appeal to the deputy division director in the department's Central Office.",
        "V28",
    ),
]


def load(seeder: Seeder, agency: Agency) -> None:
    """Upsert the rules through `seeder` (see portal.seeding)."""
    for day in DEFAULT_DAYS:
        for number, (start, end) in enumerate(DEFAULT_SESSIONS, start=1):
            seeder.upsert(
                VisitingSession,
                {"key": f"{agency.slug}-{day.name.lower()}-{number}"},
                {
                    "agency": agency,
                    "entry": EntryKind.WEEKLY,
                    "weekday": day.value,
                    "start": start,
                    "end": end,
                    "who": WhoMayCome.EVERYONE,
                    **_src("V2", "V3"),
                },
            )
    for kind in OWN_DAYS_KINDS:
        seeder.upsert(
            VisitingSession,
            {"key": f"{agency.slug}-{kind.value.replace('_', '-')}-ask"},
            {
                "agency": agency,
                "facility_kind": kind.value,
                "entry": EntryKind.ASK,
                "note": "This kind of facility sets its own visiting days and times.",
                **_src("V2"),
            },
        )
    seeder.upsert(
        VisitorListPolicy,
        {"agency": agency},
        {
            "max_visitors": 20,
            "changes_per_year": 2,
            "one_list_only": True,
            "supervised_need_officer_approval": True,
            **_src("V8", "V10", "V11"),
        },
    )
    for key, low, high, needed, with_adult in ID_RULES:
        seeder.upsert(
            IdRule,
            {"key": f"{agency.slug}-{key}"},
            {
                "agency": agency,
                "min_age": low,
                "max_age": high,
                "id_needed": needed,
                "needs_approved_adult": with_adult,
                **_src("V13"),
            },
        )
    for order, (key, name, most) in enumerate(CARRY_ALL, start=1):
        seeder.upsert(
            CarryAllItem,
            {"key": f"{agency.slug}-{key}"},
            {"agency": agency, "name": name, "max_quantity": most, "order": order, **_src("V21")},
        )
    for order, (key, topic, text, facts) in enumerate(RULES, start=1):
        seeder.upsert(
            VisitRule,
            {"key": f"{agency.slug}-{key}"},
            {"agency": agency, "topic": topic, "text": text, "order": order, **_src(facts)},
        )
