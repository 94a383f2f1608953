"""Schedule times in the newsroom's zone, written the way the user's locale writes dates."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

DEFAULT_ZONE = "Europe/London"


def zone(name: str = DEFAULT_ZONE) -> ZoneInfo:
    """The newsroom's zone; an unknown name falls back to Europe/London."""
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def display_format(locale: QLocale | None = None) -> str:
    """The locale's short date with a 24-hour (or locale) time, four-digit year."""
    locale = locale or QLocale()
    date = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in date:
        date = date.replace("yy", "yyyy")
    time = locale.timeFormat(QLocale.FormatType.ShortFormat)
    return f"{date} {time}"


def describe(moment: datetime, zone_name: str = DEFAULT_ZONE, locale: QLocale | None = None) -> str:
    """`moment` as the newsroom reads it: "Sunday 6 December 2026, 13:20 GMT"."""
    local = moment.astimezone(zone(zone_name))
    locale = locale or QLocale()
    qdate = QDate(local.year, local.month, local.day)
    qtime = QTime(local.hour, local.minute)
    when = locale.toString(qdate, QLocale.FormatType.LongFormat)
    clock = locale.toString(qtime, QLocale.FormatType.ShortFormat)
    return f"{when}, {clock} {local.tzname()}"


def to_qdatetime(moment: datetime, zone_name: str = DEFAULT_ZONE) -> QDateTime:
    """A QDateTime in the newsroom's zone (what the edit shows)."""
    local = moment.astimezone(zone(zone_name))
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone(zone(zone_name).key.encode()),
    )


def from_fields(
    year: int, month: int, day: int, hour: int, minute: int, zone_name: str = DEFAULT_ZONE
) -> datetime:
    """Wall-clock fields in the newsroom's zone → an aware UTC datetime."""
    local = datetime(year, month, day, hour, minute, tzinfo=zone(zone_name))
    return local.astimezone(UTC)
