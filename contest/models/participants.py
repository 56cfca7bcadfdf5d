"""A participant: the community or authority behind an account, and its consent to process personal data."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from practices.models.cases import Level

EDRPOU_WEIGHTS = ((1, 2, 3, 4, 5, 6, 7), (3, 4, 5, 6, 7, 8, 9))
EDRPOU_SHIFTED_RANGE = (30_000_000, 60_000_000)  # codes in this range weigh their digits from 7, not 1


def edrpou_check_digit(digits):
    """The check digit of the first seven digits of an EDRPOU code, as the state registry computes it.

    The weights are 1..7 (7..13 for codes from 30000000 to 60000000); when the remainder of the
    weighted sum by 11 is 10, the sum is taken again with weights raised by 2, and a second 10 gives 0.
    """
    number = int("".join(map(str, digits)) + "0")
    shifted = EDRPOU_SHIFTED_RANGE[0] <= number < EDRPOU_SHIFTED_RANGE[1]
    for weights in EDRPOU_WEIGHTS:
        weights = [weight + 6 for weight in weights] if shifted else weights
        remainder = sum(digit * weight for digit, weight in zip(digits, weights, strict=True)) % 11
        if remainder < 10:
            return remainder
    return 0


def validate_edrpou(value):
    if not (len(value) == 8 and value.isdigit()):
        raise ValidationError(_("An EDRPOU code has 8 digits."))
    digits = [int(character) for character in value]
    if edrpou_check_digit(digits[:7]) != digits[7]:
        raise ValidationError(_("This EDRPOU code's check digit is wrong: check the code."))


class Participant(models.Model):
    """The profile of a participant account: who submits, for which community or authority."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="participant"
    )
    organisation = models.CharField(_("community or authority"), max_length=255)
    level = models.CharField(_("community level"), max_length=10, choices=Level.choices)
    region = models.ForeignKey("practices.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+")
    edrpou = models.CharField(
        _("EDRPOU code"),
        max_length=8,
        blank=True,
        validators=[validate_edrpou],
        help_text=_("Where the community or authority has one: 8 digits."),
    )
    contact_name = models.CharField(_("contact person"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    phone = models.CharField(_("phone"), max_length=50)
    consent_version = models.CharField(_("version of the privacy notice agreed to"), max_length=40)
    consent_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return self.organisation
