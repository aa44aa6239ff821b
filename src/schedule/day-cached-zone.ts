// An IANA zone for walking long ranges of partitions: luxon asks the zone for its
// offset several times per date it builds, and each answer is an Intl lookup,
// most of a ten-year plan's time. Offsets change at most a few times a year, so
// this zone looks them up at UTC day boundaries: a day that starts and ends on
// the same offset has it throughout (no zone changes twice within a day) and is
// answered from memory; a day with a transition asks Intl for every instant.
import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from '../luxon.js';

const DAY_MS = 86_400_000;
/** Days remembered per zone before starting over (decades of hourly partitions stay far below). */
const MAX_DAYS = 200_000;

export class DayCachedZone extends Zone {
  private readonly zone: IANAZone;
  /** UTC day number → the offset through that day, or null when it changes within the day. */
  private readonly days = new Map<number, number | null>();
  /** UTC day number → the offset at that day's first instant. */
  private readonly boundaries = new Map<number, number>();

  constructor(name: string) {
    super();
    this.zone = IANAZone.create(name);
  }

  override get type(): string {
    return 'iana'; // what luxon checks to hand the name to Intl when formatting
  }

  override get name(): string {
    return this.zone.name;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): boolean {
    return this.zone.isValid;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.zone.offsetName(ts, options);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.zone.formatOffset(ts, format);
  }

  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name;
  }

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY_MS);
    let offset = this.days.get(day);
    if (offset === undefined) {
      if (this.days.size >= MAX_DAYS) {
        this.days.clear();
        this.boundaries.clear();
      }
      const start = this.boundary(day);
      offset = start === this.boundary(day + 1) ? start : null;
      this.days.set(day, offset);
    }
    return offset ?? this.zone.offset(ts);
  }

  private boundary(day: number): number {
    let offset = this.boundaries.get(day);
    if (offset === undefined) {
      offset = this.zone.offset(day * DAY_MS);
      this.boundaries.set(day, offset);
    }
    return offset;
  }
}

const zones = new Map<string, DayCachedZone>();

/** The day-cached zone named `name` (one per name, so its memory serves every plan in the process). */
export function dayCachedZone(name: string): DayCachedZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new DayCachedZone(name);
    zones.set(name, zone);
  }
  return zone;
}
