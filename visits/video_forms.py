"""The video visit planner's questions."""

from datetime import datetime
from zoneinfo import ZoneInfo

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Div, Field, Fieldset, Layout, Size
from django import forms
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _

from portal.forms import PersonOrFacilityForm
from visits import video_rules
from visits.models.video import VideoAnswer, VideoEligibilityRule, VideoKind, VideoVisitRules

DATE_FORMATS = ["%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y"]
TIME_FORMATS = ["%H:%M", "%I:%M %p", "%I:%M%p", "%I %p", "%I%p"]


def question_field_name(rule: VideoEligibilityRule) -> str:
    return f"q_{rule.key.replace('-', '_')}"


def _radios(name: str, **kwargs):
    # The error summary links to #id_<name>; radios have no element with that id.
    return Div(Field.radios(name, **kwargs), css_id=f"id_{name}")


class VideoPlanForm(PersonOrFacilityForm):
    """Who, which kind of visit, when, how long, and the checks that can stop it."""

    name_required = False

    kind = forms.ChoiceField(
        label=_("Which kind of video visit?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a kind of video visit.")},
    )
    day = forms.DateField(
        label=_("The date you want"),
        help_text=_("For example 2026-12-05, or 12/05/2026."),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}
        ),
        error_messages={
            "required": _("Enter the date you want."),
            "invalid": _("Enter a real date, such as 2026-12-05."),
        },
    )
    start_time = forms.TimeField(
        label=_("The start time you want"),
        help_text=_("Missouri time (Central time). For example 14:30, or 2:30 pm."),
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(
            format="%H:%M", attrs={"type": "time", "class": "govuk-input govuk-input--width-5"}
        ),
        error_messages={
            "required": _("Enter the start time you want."),
            "invalid": _("Enter a time such as 14:30, or 2:30 pm."),
        },
    )
    blocks = forms.IntegerField(
        required=False,
        widget=forms.NumberInput(
            attrs={"class": "govuk-input govuk-input--width-3", "inputmode": "numeric"}
        ),
        error_messages={"invalid": _("Enter a whole number of blocks, such as 1 or 2.")},
    )

    def __init__(
        self,
        *args,
        rules: VideoVisitRules,
        eligibility_rules: list[VideoEligibilityRule],
        now: datetime,
        tz: ZoneInfo,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.rules = rules
        self.eligibility_rules = eligibility_rules
        self.now = now
        self.tz = tz
        self.start: datetime | None = None
        self.answers: dict[str, str] = {}

        # The planner needs the facility, not the name.
        del self.fields["name"]
        self.fields["doc_id"].help_text = _(
            "Digits only. We use the facility the person is in now."
        )
        self.fields["facility"].label = _("Or choose the facility they are in")

        price = video_rules.money(rules.remote_price_per_block)
        self.fields["kind"].choices = [
            Choice(
                VideoKind.REMOTE,
                _("From home, on your own phone, tablet or computer"),
                hint=_("$%(price)s for each %(minutes)s-minute block.")
                % {"price": price, "minutes": rules.remote_block_minutes},
            ),
            Choice(
                VideoKind.ONSITE,
                _("At the facility, on a %(provider)s screen") % {"provider": rules.provider_name},
                hint=_("Free. One block of %(minutes)s minutes.")
                % {"minutes": rules.onsite_block_minutes},
            ),
        ]
        self.fields["blocks"].label = _("How many %(minutes)s-minute blocks? (from home only)") % {
            "minutes": rules.remote_block_minutes
        }
        self.fields["blocks"].help_text = _("Each block costs $%(price)s. Enter 1 to %(max)s.") % {
            "price": price,
            "max": rules.planner_max_blocks,
        }
        self.fields["blocks"].initial = 1
        self.fields["blocks"].widget.attrs.update({"min": 1, "max": rules.planner_max_blocks})

        question_names = []
        for rule in eligibility_rules:
            name = question_field_name(rule)
            question_names.append(name)
            self.fields[name] = forms.ChoiceField(
                label=rule.question,
                help_text=rule.hint,
                choices=VideoAnswer.choices,
                widget=forms.RadioSelect,
                # A follow-up question is needed only after a Yes; clean() checks it.
                required=rule.only_if is None,
                error_messages={"required": _("Answer this question.")},
            )

        self.helper.layout = Layout(
            Fieldset(
                "doc_id",
                "facility",
                legend=_("Who are you visiting?"),
                legend_size=Size.MEDIUM,
            ),
            _radios("kind", legend_size=Size.MEDIUM),
            Fieldset(
                "day",
                "start_time",
                "blocks",
                legend=_("When, and for how long?"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                *[_radios(name, inline=True) for name in question_names],
                legend=_("Who can take part"),
                legend_size=Size.MEDIUM,
            ),
        )

    def clean_blocks(self):
        blocks = self.cleaned_data.get("blocks")
        if blocks is None:
            return None
        if blocks < 1:
            raise forms.ValidationError(_("Enter at least 1 block."))
        if blocks > self.rules.planner_max_blocks:
            raise forms.ValidationError(
                _("Enter %(max)s blocks or fewer. This planner works out up to %(max)s at once.")
                % {"max": self.rules.planner_max_blocks}
            )
        return blocks

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("doc_id")
            and self.person is not None
            and not self.person.facility_id
            and "facility" not in self.errors
        ):
            self.add_error(
                "doc_id",
                _(
                    "We do not know where this person is held now. Leave the DOC ID "
                    "empty and choose their facility instead."
                ),
            )

        kind = cleaned.get("kind")
        blocks_missing = cleaned.get("blocks") is None and "blocks" not in self.errors
        if kind == VideoKind.REMOTE and blocks_missing:
            self.add_error("blocks", _("Enter how many blocks you want, such as 1."))
        if kind == VideoKind.ONSITE:
            cleaned["blocks"] = 1

        day, clock_time = cleaned.get("day"), cleaned.get("start_time")
        if day and clock_time:
            self._clean_start(day, clock_time)

        for rule in self.eligibility_rules:
            name = question_field_name(rule)
            answer = cleaned.get(name, "")
            self.answers[rule.key] = answer
        for rule in self.eligibility_rules:
            gate = rule.only_if
            name = question_field_name(rule)
            if (
                gate is not None
                and not self.answers.get(rule.key)
                and self.answers.get(gate.key) in (VideoAnswer.YES, VideoAnswer.NOT_SURE)
                and name not in self.errors
            ):
                self.add_error(name, _("Answer this question too."))
        return cleaned

    def _clean_start(self, day, clock_time):
        start, problem = video_rules.local_start(day, clock_time, self.tz)
        when = {
            "day": date_format(day, "F j, Y"),
            "time": time_format(clock_time, "g:i a"),
        }
        if problem == video_rules.NO_SUCH_TIME:
            self.add_error(
                "start_time",
                _(
                    "Clocks move forward on %(day)s, so %(time)s does not happen that night. "
                    "Choose another time."
                )
                % when,
            )
            return
        if problem == video_rules.TWICE:
            self.add_error(
                "start_time",
                _(
                    "Clocks move back on %(day)s, so %(time)s happens twice that night. "
                    "Choose another time."
                )
                % when,
            )
            return
        problem = video_rules.start_problem(start, self.now, self.rules.planner_horizon_days)
        if problem == video_rules.PAST:
            field = "start_time" if day == self.now.astimezone(self.tz).date() else "day"
            self.add_error(field, _("This date and time have passed. Choose a time in the future."))
            return
        if problem == video_rules.TOO_FAR:
            self.add_error(
                "day",
                _("Choose a date within the next %(days)s days.")
                % {"days": self.rules.planner_horizon_days},
            )
            return
        self.start = start
