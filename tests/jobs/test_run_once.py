import pytest

from jobs.idempotency import AlreadyDone, run_once
from jobs.models import CompletedJob

pytestmark = pytest.mark.django_db


def test_work_under_a_key_takes_effect_once():
    effects = []
    for _ in range(2):
        try:
            with run_once("mail:42"):
                effects.append("sent")
        except AlreadyDone:
            pass

    assert effects == ["sent"]
    assert CompletedJob.objects.filter(key="mail:42").count() == 1


def test_work_that_fails_leaves_no_trace_and_can_run_again():
    with pytest.raises(RuntimeError), run_once("mail:43"):
        raise RuntimeError("worker died")

    assert not CompletedJob.objects.filter(key="mail:43").exists()
    with run_once("mail:43"):
        pass
    assert CompletedJob.objects.filter(key="mail:43").exists()
