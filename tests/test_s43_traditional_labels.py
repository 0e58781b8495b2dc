"""Found in review: a rule file whose choice is labelled in traditional characters (a Hong Kong or Taiwan
copy: 軟件和資訊科技服務業) no longer took its own label once what is typed was read in simplified forms; the
label is folded as what is typed is, for the answer and for the suggestion alike."""

from __future__ import annotations

from dataclasses import replace

from littlegiant.load.profile import choice_named, choice_near
from littlegiant.load.rules import Text, load


def test_a_choice_labelled_in_traditional_characters_takes_its_own_label() -> None:
    field = load("miit-2026").fields["industry"]
    labels = {**field.choice_labels, "software_it": Text("軟件和資訊科技服務業", "Software and IT services")}
    hk = replace(field, choice_labels=labels)
    assert choice_named(hk, "軟件和資訊科技服務業") == "software_it"
    assert choice_named(hk, "軟件和資訊科技服務业") == "software_it"  # its 業 typed simplified: the table's pair
    assert choice_near(hk, "軟件和資訊科技服務") == "software_it"  # a character short: suggested, as before
