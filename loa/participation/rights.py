"""What a citizen may do with a submission they sent, once its reference and code have opened it.

- see it (logged, answered at once);
- withdraw consent: contact details erased at once, what was published stays without them;
- ask for deletion: contact details erased at once, the submission itself deleted by the office
  (`fulfil`), within the legal deadline the log shows.
"""
from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from . import conf
from .models import DataRequest, RequestKind, RequestStatus
from .notify import mail_enabled
from .submissions import CitizenSubmission, erase_contacts, kind_of, registered

DEADLINE_SETTINGS = {
    RequestKind.ACCESS: "PARTICIPATION_ACCESS_DEADLINE_HOURS",
    RequestKind.WITHDRAW: "PARTICIPATION_DELETION_DEADLINE_HOURS",
    RequestKind.DELETE: "PARTICIPATION_DELETION_DEADLINE_HOURS",
}


def log_request(submission: CitizenSubmission, kind: str, done: bool) -> DataRequest:
    now = timezone.now()
    hours = int(conf.get(DEADLINE_SETTINGS[kind]))
    return DataRequest.objects.create(
        kind=kind, submission_kind=kind_of(submission), reference=submission.reference,
        due_at=now + timedelta(hours=hours),
        status=RequestStatus.DONE if done else RequestStatus.OPEN, handled_at=now if done else None,
    )


def _erase(submission: CitizenSubmission) -> None:
    erase_contacts(type(submission).objects.filter(pk=submission.pk))
    submission.refresh_from_db()


@transaction.atomic
def record_access(submission: CitizenSubmission) -> DataRequest:
    return log_request(submission, RequestKind.ACCESS, done=True)


@transaction.atomic
def withdraw_consent(submission: CitizenSubmission) -> DataRequest:
    type(submission).objects.filter(pk=submission.pk, consent_withdrawn_at__isnull=True).update(
        consent_withdrawn_at=timezone.now())
    _erase(submission)
    return log_request(submission, RequestKind.WITHDRAW, done=True)


@transaction.atomic
def request_deletion(submission: CitizenSubmission) -> DataRequest:
    """Erase the contacts now and log the deletion for the office (one open request per submission)."""
    _erase(submission)
    pending = DataRequest.objects.filter(kind=RequestKind.DELETE, reference=submission.reference,
                                         status=RequestStatus.OPEN).first()
    if pending is not None:
        return pending
    logged = log_request(submission, RequestKind.DELETE, done=False)
    if mail_enabled():
        from .tasks import send_request_notice

        transaction.on_commit(lambda: send_request_notice.enqueue(logged.pk))
    return logged


def submission_of(request: DataRequest) -> CitizenSubmission | None:
    model = registered().get(request.submission_kind)
    return model.objects.filter(reference=request.reference).first() if model else None


@transaction.atomic
def fulfil(request: DataRequest) -> None:
    """Carry out an open deletion request: the submission (and what it published) is deleted."""
    if request.kind == RequestKind.DELETE:
        submission = submission_of(request)
        if submission is not None:
            submission.forget()
    request.status, request.handled_at = RequestStatus.DONE, timezone.now()
    request.save(update_fields=["status", "handled_at"])


def requests_for(submission: CitizenSubmission):
    return DataRequest.objects.filter(reference=submission.reference).order_by("received_at")
