// luxon for the whole core, as its CommonJS build. cron-parser require()s luxon, so an
// `import` from 'luxon' would load its ES build beside that one: two copies in every
// bundle (260 KB each, compiled on every action start) and in every process, each with
// its own zone cache and Settings. Import luxon from here, never from 'luxon'
// (biome.json refuses it elsewhere).
import type * as Luxon from 'luxon';
import * as luxon from './luxon-cjs.cjs';

export const { DateTime, IANAZone, Zone } = luxon;

// One locale wherever pipewright runs. Luxon otherwise asks Intl for the system's on its first
// date, which loads ICU's date-formatting data (10 ms of a cold start) even for a contract in
// UTC; pipewright formats with fixed tokens (ISO dates and weeks, offsets), never localized ones.
luxon.Settings.defaultLocale = 'en-US';
export type DateTime<IsValid extends boolean = Luxon.DefaultValidity> = Luxon.DateTime<IsValid>;
export type IANAZone = Luxon.IANAZone;
export type Zone<IsValid extends boolean = Luxon.DefaultValidity> = Luxon.Zone<IsValid>;
export type { ZoneOffsetFormat, ZoneOffsetOptions } from 'luxon';
