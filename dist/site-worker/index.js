import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2596:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;


__webpack_unused_export__ = ({ value: true });

// these aren't really private, but nor are they really useful to document

/**
 * @private
 */
class LuxonError extends Error {}

/**
 * @private
 */
class InvalidDateTimeError extends LuxonError {
  constructor(reason) {
    super(`Invalid DateTime: ${reason.toMessage()}`);
  }
}

/**
 * @private
 */
class InvalidIntervalError extends LuxonError {
  constructor(reason) {
    super(`Invalid Interval: ${reason.toMessage()}`);
  }
}

/**
 * @private
 */
class InvalidDurationError extends LuxonError {
  constructor(reason) {
    super(`Invalid Duration: ${reason.toMessage()}`);
  }
}

/**
 * @private
 */
class ConflictingSpecificationError extends LuxonError {}

/**
 * @private
 */
class InvalidUnitError extends LuxonError {
  constructor(unit) {
    super(`Invalid unit ${unit}`);
  }
}

/**
 * @private
 */
class InvalidArgumentError extends LuxonError {}

/**
 * @private
 */
class ZoneIsAbstractError extends LuxonError {
  constructor() {
    super("Zone is an abstract class");
  }
}

/**
 * @private
 */

const n = "numeric",
  s = "short",
  l = "long";
const DATE_SHORT = {
  year: n,
  month: n,
  day: n
};
const DATE_MED = {
  year: n,
  month: s,
  day: n
};
const DATE_MED_WITH_WEEKDAY = {
  year: n,
  month: s,
  day: n,
  weekday: s
};
const DATE_FULL = {
  year: n,
  month: l,
  day: n
};
const DATE_HUGE = {
  year: n,
  month: l,
  day: n,
  weekday: l
};
const TIME_SIMPLE = {
  hour: n,
  minute: n
};
const TIME_WITH_SECONDS = {
  hour: n,
  minute: n,
  second: n
};
const TIME_WITH_SHORT_OFFSET = {
  hour: n,
  minute: n,
  second: n,
  timeZoneName: s
};
const TIME_WITH_LONG_OFFSET = {
  hour: n,
  minute: n,
  second: n,
  timeZoneName: l
};
const TIME_24_SIMPLE = {
  hour: n,
  minute: n,
  hourCycle: "h23"
};
const TIME_24_WITH_SECONDS = {
  hour: n,
  minute: n,
  second: n,
  hourCycle: "h23"
};
const TIME_24_WITH_SHORT_OFFSET = {
  hour: n,
  minute: n,
  second: n,
  hourCycle: "h23",
  timeZoneName: s
};
const TIME_24_WITH_LONG_OFFSET = {
  hour: n,
  minute: n,
  second: n,
  hourCycle: "h23",
  timeZoneName: l
};
const DATETIME_SHORT = {
  year: n,
  month: n,
  day: n,
  hour: n,
  minute: n
};
const DATETIME_SHORT_WITH_SECONDS = {
  year: n,
  month: n,
  day: n,
  hour: n,
  minute: n,
  second: n
};
const DATETIME_MED = {
  year: n,
  month: s,
  day: n,
  hour: n,
  minute: n
};
const DATETIME_MED_WITH_SECONDS = {
  year: n,
  month: s,
  day: n,
  hour: n,
  minute: n,
  second: n
};
const DATETIME_MED_WITH_WEEKDAY = {
  year: n,
  month: s,
  day: n,
  weekday: s,
  hour: n,
  minute: n
};
const DATETIME_FULL = {
  year: n,
  month: l,
  day: n,
  hour: n,
  minute: n,
  timeZoneName: s
};
const DATETIME_FULL_WITH_SECONDS = {
  year: n,
  month: l,
  day: n,
  hour: n,
  minute: n,
  second: n,
  timeZoneName: s
};
const DATETIME_HUGE = {
  year: n,
  month: l,
  day: n,
  weekday: l,
  hour: n,
  minute: n,
  timeZoneName: l
};
const DATETIME_HUGE_WITH_SECONDS = {
  year: n,
  month: l,
  day: n,
  weekday: l,
  hour: n,
  minute: n,
  second: n,
  timeZoneName: l
};

/**
 * @interface
 */
class Zone {
  /**
   * The type of zone
   * @abstract
   * @type {string}
   */
  get type() {
    throw new ZoneIsAbstractError();
  }

  /**
   * The name of this zone.
   * @abstract
   * @type {string}
   */
  get name() {
    throw new ZoneIsAbstractError();
  }

  /**
   * The IANA name of this zone.
   * Defaults to `name` if not overwritten by a subclass.
   * @abstract
   * @type {string}
   */
  get ianaName() {
    return this.name;
  }

  /**
   * Returns whether the offset is known to be fixed for the whole year.
   * @abstract
   * @type {boolean}
   */
  get isUniversal() {
    throw new ZoneIsAbstractError();
  }

  /**
   * Returns the offset's common name (such as EST) at the specified timestamp
   * @abstract
   * @param {number} ts - Epoch milliseconds for which to get the name
   * @param {Object} opts - Options to affect the format
   * @param {string} opts.format - What style of offset to return. Accepts 'long' or 'short'.
   * @param {string} opts.locale - What locale to return the offset name in.
   * @return {string}
   */
  offsetName(ts, opts) {
    throw new ZoneIsAbstractError();
  }

  /**
   * Returns the offset's value as a string
   * @abstract
   * @param {number} ts - Epoch milliseconds for which to get the offset
   * @param {string} format - What style of offset to return.
   *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
   * @return {string}
   */
  formatOffset(ts, format) {
    throw new ZoneIsAbstractError();
  }

  /**
   * Return the offset in minutes for this zone at the specified timestamp.
   * @abstract
   * @param {number} ts - Epoch milliseconds for which to compute the offset
   * @return {number}
   */
  offset(ts) {
    throw new ZoneIsAbstractError();
  }

  /**
   * Return whether this Zone is equal to another zone
   * @abstract
   * @param {Zone} otherZone - the zone to compare
   * @return {boolean}
   */
  equals(otherZone) {
    throw new ZoneIsAbstractError();
  }

  /**
   * Return whether this Zone is valid.
   * @abstract
   * @type {boolean}
   */
  get isValid() {
    throw new ZoneIsAbstractError();
  }
}

let singleton$1 = null;

/**
 * Represents the local zone for this JavaScript environment.
 * @implements {Zone}
 */
class SystemZone extends Zone {
  /**
   * Get a singleton instance of the local zone
   * @return {SystemZone}
   */
  static get instance() {
    if (singleton$1 === null) {
      singleton$1 = new SystemZone();
    }
    return singleton$1;
  }

  /** @override **/
  get type() {
    return "system";
  }

  /** @override **/
  get name() {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** @override **/
  get isUniversal() {
    return false;
  }

  /** @override **/
  offsetName(ts, {
    format,
    locale
  }) {
    return parseZoneInfo(ts, format, locale);
  }

  /** @override **/
  formatOffset(ts, format) {
    return formatOffset(this.offset(ts), format);
  }

  /** @override **/
  offset(ts) {
    return -new Date(ts).getTimezoneOffset();
  }

  /** @override **/
  equals(otherZone) {
    return otherZone.type === "system";
  }

  /** @override **/
  get isValid() {
    return true;
  }
}

const dtfCache = new Map();
function makeDTF(zoneName) {
  let dtf = dtfCache.get(zoneName);
  if (dtf === undefined) {
    dtf = new Intl.DateTimeFormat("en-US", {
      hour12: false,
      timeZone: zoneName,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      era: "short"
    });
    dtfCache.set(zoneName, dtf);
  }
  return dtf;
}
const typeToPos = {
  year: 0,
  month: 1,
  day: 2,
  era: 3,
  hour: 4,
  minute: 5,
  second: 6
};
function hackyOffset(dtf, date) {
  const formatted = dtf.format(date).replace(/\u200E/g, ""),
    parsed = /(\d+)\/(\d+)\/(\d+) (AD|BC),? (\d+):(\d+):(\d+)/.exec(formatted),
    [, fMonth, fDay, fYear, fadOrBc, fHour, fMinute, fSecond] = parsed;
  return [fYear, fMonth, fDay, fadOrBc, fHour, fMinute, fSecond];
}
function partsOffset(dtf, date) {
  const formatted = dtf.formatToParts(date);
  const filled = [];
  for (let i = 0; i < formatted.length; i++) {
    const {
      type,
      value
    } = formatted[i];
    const pos = typeToPos[type];
    if (type === "era") {
      filled[pos] = value;
    } else if (!isUndefined(pos)) {
      filled[pos] = parseInt(value, 10);
    }
  }
  return filled;
}
const ianaZoneCache = new Map();
/**
 * A zone identified by an IANA identifier, like America/New_York
 * @implements {Zone}
 */
class IANAZone extends Zone {
  /**
   * @param {string} name - Zone name
   * @return {IANAZone}
   */
  static create(name) {
    let zone = ianaZoneCache.get(name);
    if (zone === undefined) {
      ianaZoneCache.set(name, zone = new IANAZone(name));
    }
    return zone;
  }

  /**
   * Reset local caches. Should only be necessary in testing scenarios.
   * @return {void}
   */
  static resetCache() {
    ianaZoneCache.clear();
    dtfCache.clear();
  }

  /**
   * Returns whether the provided string is a valid specifier. This only checks the string's format, not that the specifier identifies a known zone; see isValidZone for that.
   * @param {string} s - The string to check validity on
   * @example IANAZone.isValidSpecifier("America/New_York") //=> true
   * @example IANAZone.isValidSpecifier("Sport~~blorp") //=> false
   * @deprecated For backward compatibility, this forwards to isValidZone, better use `isValidZone()` directly instead.
   * @return {boolean}
   */
  static isValidSpecifier(s) {
    return this.isValidZone(s);
  }

  /**
   * Returns whether the provided string identifies a real zone
   * @param {string} zone - The string to check
   * @example IANAZone.isValidZone("America/New_York") //=> true
   * @example IANAZone.isValidZone("Fantasia/Castle") //=> false
   * @example IANAZone.isValidZone("Sport~~blorp") //=> false
   * @return {boolean}
   */
  static isValidZone(zone) {
    if (!zone) {
      return false;
    }
    try {
      new Intl.DateTimeFormat("en-US", {
        timeZone: zone
      }).format();
      return true;
    } catch (e) {
      return false;
    }
  }
  constructor(name) {
    super();
    /** @private **/
    this.zoneName = name;
    /** @private **/
    this.valid = IANAZone.isValidZone(name);
  }

  /**
   * The type of zone. `iana` for all instances of `IANAZone`.
   * @override
   * @type {string}
   */
  get type() {
    return "iana";
  }

  /**
   * The name of this zone (i.e. the IANA zone name).
   * @override
   * @type {string}
   */
  get name() {
    return this.zoneName;
  }

  /**
   * Returns whether the offset is known to be fixed for the whole year:
   * Always returns false for all IANA zones.
   * @override
   * @type {boolean}
   */
  get isUniversal() {
    return false;
  }

  /**
   * Returns the offset's common name (such as EST) at the specified timestamp
   * @override
   * @param {number} ts - Epoch milliseconds for which to get the name
   * @param {Object} opts - Options to affect the format
   * @param {string} opts.format - What style of offset to return. Accepts 'long' or 'short'.
   * @param {string} opts.locale - What locale to return the offset name in.
   * @return {string}
   */
  offsetName(ts, {
    format,
    locale
  }) {
    return parseZoneInfo(ts, format, locale, this.name);
  }

  /**
   * Returns the offset's value as a string
   * @override
   * @param {number} ts - Epoch milliseconds for which to get the offset
   * @param {string} format - What style of offset to return.
   *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
   * @return {string}
   */
  formatOffset(ts, format) {
    return formatOffset(this.offset(ts), format);
  }

  /**
   * Return the offset in minutes for this zone at the specified timestamp.
   * @override
   * @param {number} ts - Epoch milliseconds for which to compute the offset
   * @return {number}
   */
  offset(ts) {
    if (!this.valid) return NaN;
    const date = new Date(ts);
    if (isNaN(date)) return NaN;
    const dtf = makeDTF(this.name);
    let [year, month, day, adOrBc, hour, minute, second] = dtf.formatToParts ? partsOffset(dtf, date) : hackyOffset(dtf, date);
    if (adOrBc === "BC") {
      year = -Math.abs(year) + 1;
    }

    // because we're using hour12 and https://bugs.chromium.org/p/chromium/issues/detail?id=1025564&can=2&q=%2224%3A00%22%20datetimeformat
    const adjustedHour = hour === 24 ? 0 : hour;
    const asUTC = objToLocalTS({
      year,
      month,
      day,
      hour: adjustedHour,
      minute,
      second,
      millisecond: 0
    });
    let asTS = +date;
    const over = asTS % 1000;
    asTS -= over >= 0 ? over : 1000 + over;
    return (asUTC - asTS) / (60 * 1000);
  }

  /**
   * Return whether this Zone is equal to another zone
   * @override
   * @param {Zone} otherZone - the zone to compare
   * @return {boolean}
   */
  equals(otherZone) {
    return otherZone.type === "iana" && otherZone.name === this.name;
  }

  /**
   * Return whether this Zone is valid.
   * @override
   * @type {boolean}
   */
  get isValid() {
    return this.valid;
  }
}

// todo - remap caching

let intlLFCache = {};
function getCachedLF(locString, opts = {}) {
  const key = JSON.stringify([locString, opts]);
  let dtf = intlLFCache[key];
  if (!dtf) {
    dtf = new Intl.ListFormat(locString, opts);
    intlLFCache[key] = dtf;
  }
  return dtf;
}
const intlDTCache = new Map();
function getCachedDTF(locString, opts = {}) {
  const key = JSON.stringify([locString, opts]);
  let dtf = intlDTCache.get(key);
  if (dtf === undefined) {
    dtf = new Intl.DateTimeFormat(locString, opts);
    intlDTCache.set(key, dtf);
  }
  return dtf;
}
const intlNumCache = new Map();
function getCachedINF(locString, opts = {}) {
  const key = JSON.stringify([locString, opts]);
  let inf = intlNumCache.get(key);
  if (inf === undefined) {
    inf = new Intl.NumberFormat(locString, opts);
    intlNumCache.set(key, inf);
  }
  return inf;
}
const intlRelCache = new Map();
function getCachedRTF(locString, opts = {}) {
  const {
    base,
    ...cacheKeyOpts
  } = opts; // exclude `base` from the options
  const key = JSON.stringify([locString, cacheKeyOpts]);
  let inf = intlRelCache.get(key);
  if (inf === undefined) {
    inf = new Intl.RelativeTimeFormat(locString, opts);
    intlRelCache.set(key, inf);
  }
  return inf;
}
let sysLocaleCache = null;
function systemLocale() {
  if (sysLocaleCache) {
    return sysLocaleCache;
  } else {
    sysLocaleCache = new Intl.DateTimeFormat().resolvedOptions().locale;
    return sysLocaleCache;
  }
}
const intlResolvedOptionsCache = new Map();
function getCachedIntResolvedOptions(locString) {
  let opts = intlResolvedOptionsCache.get(locString);
  if (opts === undefined) {
    opts = new Intl.DateTimeFormat(locString).resolvedOptions();
    intlResolvedOptionsCache.set(locString, opts);
  }
  return opts;
}
const weekInfoCache = new Map();
function getCachedWeekInfo(locString) {
  let data = weekInfoCache.get(locString);
  if (!data) {
    const locale = new Intl.Locale(locString);
    // browsers currently implement this as a property, but spec says it should be a getter function
    data = "getWeekInfo" in locale ? locale.getWeekInfo() : locale.weekInfo;
    // minimalDays was removed from WeekInfo: https://github.com/tc39/proposal-intl-locale-info/issues/86
    if (!("minimalDays" in data)) {
      data = {
        ...fallbackWeekSettings,
        ...data
      };
    }
    weekInfoCache.set(locString, data);
  }
  return data;
}
function parseLocaleString(localeStr) {
  // I really want to avoid writing a BCP 47 parser
  // see, e.g. https://github.com/wooorm/bcp-47
  // Instead, we'll do this:

  // a) if the string has no -u extensions, just leave it alone
  // b) if it does, use Intl to resolve everything
  // c) if Intl fails, try again without the -u

  // private subtags and unicode subtags have ordering requirements,
  // and we're not properly parsing this, so just strip out the
  // private ones if they exist.
  const xIndex = localeStr.indexOf("-x-");
  if (xIndex !== -1) {
    localeStr = localeStr.substring(0, xIndex);
  }
  const uIndex = localeStr.indexOf("-u-");
  if (uIndex === -1) {
    return [localeStr];
  } else {
    let options;
    let selectedStr;
    try {
      options = getCachedDTF(localeStr).resolvedOptions();
      selectedStr = localeStr;
    } catch (e) {
      const smaller = localeStr.substring(0, uIndex);
      options = getCachedDTF(smaller).resolvedOptions();
      selectedStr = smaller;
    }
    const {
      numberingSystem,
      calendar
    } = options;
    return [selectedStr, numberingSystem, calendar];
  }
}
function intlConfigString(localeStr, numberingSystem, outputCalendar) {
  if (outputCalendar || numberingSystem) {
    if (!localeStr.includes("-u-")) {
      localeStr += "-u";
    }
    if (outputCalendar) {
      localeStr += `-ca-${outputCalendar}`;
    }
    if (numberingSystem) {
      localeStr += `-nu-${numberingSystem}`;
    }
    return localeStr;
  } else {
    return localeStr;
  }
}
function mapMonths(f) {
  const ms = [];
  for (let i = 1; i <= 12; i++) {
    const dt = DateTime.utc(2009, i, 1);
    ms.push(f(dt));
  }
  return ms;
}
function mapWeekdays(f) {
  const ms = [];
  for (let i = 1; i <= 7; i++) {
    const dt = DateTime.utc(2016, 11, 13 + i);
    ms.push(f(dt));
  }
  return ms;
}
function listStuff(loc, length, englishFn, intlFn) {
  const mode = loc.listingMode();
  if (mode === "error") {
    return null;
  } else if (mode === "en") {
    return englishFn(length);
  } else {
    return intlFn(length);
  }
}
function supportsFastNumbers(loc) {
  if (loc.numberingSystem && loc.numberingSystem !== "latn") {
    return false;
  } else {
    return loc.numberingSystem === "latn" || !loc.locale || loc.locale.startsWith("en") || getCachedIntResolvedOptions(loc.locale).numberingSystem === "latn";
  }
}

/**
 * @private
 */

class PolyNumberFormatter {
  constructor(intl, forceSimple, opts) {
    this.padTo = opts.padTo || 0;
    this.floor = opts.floor || false;
    const {
      padTo,
      floor,
      ...otherOpts
    } = opts;
    if (!forceSimple || Object.keys(otherOpts).length > 0) {
      const intlOpts = {
        useGrouping: false,
        ...opts
      };
      if (opts.padTo > 0) intlOpts.minimumIntegerDigits = opts.padTo;
      this.inf = getCachedINF(intl, intlOpts);
    }
  }
  format(i) {
    if (this.inf) {
      const fixed = this.floor ? Math.floor(i) : i;
      return this.inf.format(fixed);
    } else {
      // to match the browser's numberformatter defaults
      const fixed = this.floor ? Math.floor(i) : roundTo(i, 3);
      return padStart(fixed, this.padTo);
    }
  }
}

/**
 * @private
 */

class PolyDateFormatter {
  constructor(dt, intl, opts) {
    this.opts = opts;
    this.originalZone = undefined;
    let z = undefined;
    if (this.opts.timeZone) {
      // Don't apply any workarounds if a timeZone is explicitly provided in opts
      this.dt = dt;
    } else if (dt.zone.type === "fixed") {
      // UTC-8 or Etc/UTC-8 are not part of tzdata, only Etc/GMT+8 and the like.
      // That is why fixed-offset TZ is set to that unless it is:
      // 1. Representing offset 0 when UTC is used to maintain previous behavior and does not become GMT.
      // 2. Unsupported by the browser:
      //    - some do not support Etc/
      //    - < Etc/GMT-14, > Etc/GMT+12, and 30-minute or 45-minute offsets are not part of tzdata
      const gmtOffset = -1 * (dt.offset / 60);
      const offsetZ = gmtOffset >= 0 ? `Etc/GMT+${gmtOffset}` : `Etc/GMT${gmtOffset}`;
      if (dt.offset !== 0 && IANAZone.create(offsetZ).valid) {
        z = offsetZ;
        this.dt = dt;
      } else {
        // Not all fixed-offset zones like Etc/+4:30 are present in tzdata so
        // we manually apply the offset and substitute the zone as needed.
        z = "UTC";
        this.dt = dt.offset === 0 ? dt : dt.setZone("UTC").plus({
          minutes: dt.offset
        });
        this.originalZone = dt.zone;
      }
    } else if (dt.zone.type === "system") {
      this.dt = dt;
    } else if (dt.zone.type === "iana") {
      this.dt = dt;
      z = dt.zone.name;
    } else {
      // Custom zones can have any offset / offsetName so we just manually
      // apply the offset and substitute the zone as needed.
      z = "UTC";
      this.dt = dt.setZone("UTC").plus({
        minutes: dt.offset
      });
      this.originalZone = dt.zone;
    }
    const intlOpts = {
      ...this.opts
    };
    intlOpts.timeZone = intlOpts.timeZone || z;
    this.dtf = getCachedDTF(intl, intlOpts);
  }
  format() {
    if (this.originalZone) {
      // If we have to substitute in the actual zone name, we have to use
      // formatToParts so that the timezone can be replaced.
      return this.formatToParts().map(({
        value
      }) => value).join("");
    }
    return this.dtf.format(this.dt.toJSDate());
  }
  formatToParts() {
    const parts = this.dtf.formatToParts(this.dt.toJSDate());
    if (this.originalZone) {
      return parts.map(part => {
        if (part.type === "timeZoneName") {
          const offsetName = this.originalZone.offsetName(this.dt.ts, {
            locale: this.dt.locale,
            format: this.opts.timeZoneName
          });
          return {
            ...part,
            value: offsetName
          };
        } else {
          return part;
        }
      });
    }
    return parts;
  }
  resolvedOptions() {
    return this.dtf.resolvedOptions();
  }
}

/**
 * @private
 */
class PolyRelFormatter {
  constructor(intl, isEnglish, opts) {
    this.opts = {
      style: "long",
      ...opts
    };
    if (!isEnglish && hasRelative()) {
      this.rtf = getCachedRTF(intl, opts);
    }
  }
  format(count, unit) {
    if (this.rtf) {
      return this.rtf.format(count, unit);
    } else {
      return formatRelativeTime(unit, count, this.opts.numeric, this.opts.style !== "long");
    }
  }
  formatToParts(count, unit) {
    if (this.rtf) {
      return this.rtf.formatToParts(count, unit);
    } else {
      return [];
    }
  }
}
const fallbackWeekSettings = {
  firstDay: 1,
  minimalDays: 4,
  weekend: [6, 7]
};

/**
 * @private
 */
class Locale {
  static fromOpts(opts) {
    return Locale.create(opts.locale, opts.numberingSystem, opts.outputCalendar, opts.weekSettings, opts.defaultToEN);
  }
  static create(locale, numberingSystem, outputCalendar, weekSettings, defaultToEN = false) {
    const specifiedLocale = locale || Settings.defaultLocale;
    // the system locale is useful for human-readable strings but annoying for parsing/formatting known formats
    const localeR = specifiedLocale || (defaultToEN ? "en-US" : systemLocale());
    const numberingSystemR = numberingSystem || Settings.defaultNumberingSystem;
    const outputCalendarR = outputCalendar || Settings.defaultOutputCalendar;
    const weekSettingsR = validateWeekSettings(weekSettings) || Settings.defaultWeekSettings;
    return new Locale(localeR, numberingSystemR, outputCalendarR, weekSettingsR, specifiedLocale);
  }
  static resetCache() {
    sysLocaleCache = null;
    intlDTCache.clear();
    intlNumCache.clear();
    intlRelCache.clear();
    intlResolvedOptionsCache.clear();
    weekInfoCache.clear();
  }
  static fromObject({
    locale,
    numberingSystem,
    outputCalendar,
    weekSettings
  } = {}) {
    return Locale.create(locale, numberingSystem, outputCalendar, weekSettings);
  }
  constructor(locale, numbering, outputCalendar, weekSettings, specifiedLocale) {
    const [parsedLocale, parsedNumberingSystem, parsedOutputCalendar] = parseLocaleString(locale);
    this.locale = parsedLocale;
    this.numberingSystem = numbering || parsedNumberingSystem || null;
    this.outputCalendar = outputCalendar || parsedOutputCalendar || null;
    this.weekSettings = weekSettings;
    this.intl = intlConfigString(this.locale, this.numberingSystem, this.outputCalendar);
    this.weekdaysCache = {
      format: {},
      standalone: {}
    };
    this.monthsCache = {
      format: {},
      standalone: {}
    };
    this.meridiemCache = null;
    this.eraCache = {};
    this.specifiedLocale = specifiedLocale;
    this.fastNumbersCached = null;
  }
  get fastNumbers() {
    if (this.fastNumbersCached == null) {
      this.fastNumbersCached = supportsFastNumbers(this);
    }
    return this.fastNumbersCached;
  }
  listingMode() {
    const isActuallyEn = this.isEnglish();
    const hasNoWeirdness = (this.numberingSystem === null || this.numberingSystem === "latn") && (this.outputCalendar === null || this.outputCalendar === "gregory");
    return isActuallyEn && hasNoWeirdness ? "en" : "intl";
  }
  clone(alts) {
    if (!alts || Object.getOwnPropertyNames(alts).length === 0) {
      return this;
    } else {
      return Locale.create(alts.locale || this.specifiedLocale, alts.numberingSystem || this.numberingSystem, alts.outputCalendar || this.outputCalendar, validateWeekSettings(alts.weekSettings) || this.weekSettings, alts.defaultToEN || false);
    }
  }
  redefaultToEN(alts = {}) {
    return this.clone({
      ...alts,
      defaultToEN: true
    });
  }
  redefaultToSystem(alts = {}) {
    return this.clone({
      ...alts,
      defaultToEN: false
    });
  }
  months(length, format = false) {
    return listStuff(this, length, months, () => {
      // Workaround for "ja" locale: formatToParts does not label all parts of the month
      // as "month" and for this locale there is no difference between "format" and "non-format".
      // As such, just use format() instead of formatToParts() and take the whole string
      const monthSpecialCase = this.intl === "ja" || this.intl.startsWith("ja-");
      format &= !monthSpecialCase;
      const intl = format ? {
          month: length,
          day: "numeric"
        } : {
          month: length
        },
        formatStr = format ? "format" : "standalone";
      if (!this.monthsCache[formatStr][length]) {
        const mapper = !monthSpecialCase ? dt => this.extract(dt, intl, "month") : dt => this.dtFormatter(dt, intl).format();
        this.monthsCache[formatStr][length] = mapMonths(mapper);
      }
      return this.monthsCache[formatStr][length];
    });
  }
  weekdays(length, format = false) {
    return listStuff(this, length, weekdays, () => {
      const intl = format ? {
          weekday: length,
          year: "numeric",
          month: "long",
          day: "numeric"
        } : {
          weekday: length
        },
        formatStr = format ? "format" : "standalone";
      if (!this.weekdaysCache[formatStr][length]) {
        this.weekdaysCache[formatStr][length] = mapWeekdays(dt => this.extract(dt, intl, "weekday"));
      }
      return this.weekdaysCache[formatStr][length];
    });
  }
  meridiems() {
    return listStuff(this, undefined, () => meridiems, () => {
      // In theory there could be aribitrary day periods. We're gonna assume there are exactly two
      // for AM and PM. This is probably wrong, but it's makes parsing way easier.
      if (!this.meridiemCache) {
        const intl = {
          hour: "numeric",
          hourCycle: "h12"
        };
        this.meridiemCache = [DateTime.utc(2016, 11, 13, 9), DateTime.utc(2016, 11, 13, 19)].map(dt => this.extract(dt, intl, "dayperiod"));
      }
      return this.meridiemCache;
    });
  }
  eras(length) {
    return listStuff(this, length, eras, () => {
      const intl = {
        era: length
      };

      // This is problematic. Different calendars are going to define eras totally differently. What I need is the minimum set of dates
      // to definitely enumerate them.
      if (!this.eraCache[length]) {
        this.eraCache[length] = [DateTime.utc(-40, 1, 1), DateTime.utc(2017, 1, 1)].map(dt => this.extract(dt, intl, "era"));
      }
      return this.eraCache[length];
    });
  }
  extract(dt, intlOpts, field) {
    const df = this.dtFormatter(dt, intlOpts),
      results = df.formatToParts(),
      matching = results.find(m => m.type.toLowerCase() === field);
    return matching ? matching.value : null;
  }
  numberFormatter(opts = {}) {
    // this forcesimple option is never used (the only caller short-circuits on it, but it seems safer to leave)
    // (in contrast, the rest of the condition is used heavily)
    return new PolyNumberFormatter(this.intl, opts.forceSimple || this.fastNumbers, opts);
  }
  dtFormatter(dt, intlOpts = {}) {
    return new PolyDateFormatter(dt, this.intl, intlOpts);
  }
  relFormatter(opts = {}) {
    return new PolyRelFormatter(this.intl, this.isEnglish(), opts);
  }
  listFormatter(opts = {}) {
    return getCachedLF(this.intl, opts);
  }
  isEnglish() {
    return this.locale === "en" || this.locale.toLowerCase() === "en-us" || getCachedIntResolvedOptions(this.intl).locale.startsWith("en-us");
  }
  getWeekSettings() {
    if (this.weekSettings) {
      return this.weekSettings;
    } else if (!hasLocaleWeekInfo()) {
      return fallbackWeekSettings;
    } else {
      return getCachedWeekInfo(this.locale);
    }
  }
  getStartOfWeek() {
    return this.getWeekSettings().firstDay;
  }
  getMinDaysInFirstWeek() {
    return this.getWeekSettings().minimalDays;
  }
  getWeekendDays() {
    return this.getWeekSettings().weekend;
  }
  equals(other) {
    return this.locale === other.locale && this.numberingSystem === other.numberingSystem && this.outputCalendar === other.outputCalendar;
  }
  toString() {
    return `Locale(${this.locale}, ${this.numberingSystem}, ${this.outputCalendar})`;
  }
}

let singleton = null;

/**
 * A zone with a fixed offset (meaning no DST)
 * @implements {Zone}
 */
class FixedOffsetZone extends Zone {
  /**
   * Get a singleton instance of UTC
   * @return {FixedOffsetZone}
   */
  static get utcInstance() {
    if (singleton === null) {
      singleton = new FixedOffsetZone(0);
    }
    return singleton;
  }

  /**
   * Get an instance with a specified offset
   * @param {number} offset - The offset in minutes
   * @return {FixedOffsetZone}
   */
  static instance(offset) {
    return offset === 0 ? FixedOffsetZone.utcInstance : new FixedOffsetZone(offset);
  }

  /**
   * Get an instance of FixedOffsetZone from a UTC offset string, like "UTC+6"
   * @param {string} s - The offset string to parse
   * @example FixedOffsetZone.parseSpecifier("UTC+6")
   * @example FixedOffsetZone.parseSpecifier("UTC+06")
   * @example FixedOffsetZone.parseSpecifier("UTC-6:00")
   * @return {FixedOffsetZone}
   */
  static parseSpecifier(s) {
    if (s) {
      const r = s.match(/^utc(?:([+-]\d{1,2})(?::(\d{2}))?)?$/i);
      if (r) {
        return new FixedOffsetZone(signedOffset(r[1], r[2]));
      }
    }
    return null;
  }
  constructor(offset) {
    super();
    /** @private **/
    this.fixed = offset;
  }

  /**
   * The type of zone. `fixed` for all instances of `FixedOffsetZone`.
   * @override
   * @type {string}
   */
  get type() {
    return "fixed";
  }

  /**
   * The name of this zone.
   * All fixed zones' names always start with "UTC" (plus optional offset)
   * @override
   * @type {string}
   */
  get name() {
    return this.fixed === 0 ? "UTC" : `UTC${formatOffset(this.fixed, "narrow")}`;
  }

  /**
   * The IANA name of this zone, i.e. `Etc/UTC` or `Etc/GMT+/-nn`
   *
   * @override
   * @type {string}
   */
  get ianaName() {
    if (this.fixed === 0) {
      return "Etc/UTC";
    } else {
      return `Etc/GMT${formatOffset(-this.fixed, "narrow")}`;
    }
  }

  /**
   * Returns the offset's common name at the specified timestamp.
   *
   * For fixed offset zones this equals to the zone name.
   * @override
   */
  offsetName() {
    return this.name;
  }

  /**
   * Returns the offset's value as a string
   * @override
   * @param {number} ts - Epoch milliseconds for which to get the offset
   * @param {string} format - What style of offset to return.
   *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
   * @return {string}
   */
  formatOffset(ts, format) {
    return formatOffset(this.fixed, format);
  }

  /**
   * Returns whether the offset is known to be fixed for the whole year:
   * Always returns true for all fixed offset zones.
   * @override
   * @type {boolean}
   */
  get isUniversal() {
    return true;
  }

  /**
   * Return the offset in minutes for this zone at the specified timestamp.
   *
   * For fixed offset zones, this is constant and does not depend on a timestamp.
   * @override
   * @return {number}
   */
  offset() {
    return this.fixed;
  }

  /**
   * Return whether this Zone is equal to another zone (i.e. also fixed and same offset)
   * @override
   * @param {Zone} otherZone - the zone to compare
   * @return {boolean}
   */
  equals(otherZone) {
    return otherZone.type === "fixed" && otherZone.fixed === this.fixed;
  }

  /**
   * Return whether this Zone is valid:
   * All fixed offset zones are valid.
   * @override
   * @type {boolean}
   */
  get isValid() {
    return true;
  }
}

/**
 * A zone that failed to parse. You should never need to instantiate this.
 * @implements {Zone}
 */
class InvalidZone extends Zone {
  constructor(zoneName) {
    super();
    /**  @private */
    this.zoneName = zoneName;
  }

  /** @override **/
  get type() {
    return "invalid";
  }

  /** @override **/
  get name() {
    return this.zoneName;
  }

  /** @override **/
  get isUniversal() {
    return false;
  }

  /** @override **/
  offsetName() {
    return null;
  }

  /** @override **/
  formatOffset() {
    return "";
  }

  /** @override **/
  offset() {
    return NaN;
  }

  /** @override **/
  equals() {
    return false;
  }

  /** @override **/
  get isValid() {
    return false;
  }
}

/**
 * @private
 */
function normalizeZone(input, defaultZone) {
  if (isUndefined(input) || input === null) {
    return defaultZone;
  } else if (input instanceof Zone) {
    return input;
  } else if (isString(input)) {
    const lowered = input.toLowerCase();
    if (lowered === "default") return defaultZone;else if (lowered === "local" || lowered === "system") return SystemZone.instance;else if (lowered === "utc" || lowered === "gmt") return FixedOffsetZone.utcInstance;else return FixedOffsetZone.parseSpecifier(lowered) || IANAZone.create(input);
  } else if (isNumber(input)) {
    return FixedOffsetZone.instance(input);
  } else if (typeof input === "object" && "offset" in input && typeof input.offset === "function") {
    // This is dumb, but the instanceof check above doesn't seem to really work
    // so we're duck checking it
    return input;
  } else {
    return new InvalidZone(input);
  }
}

const numberingSystems = {
  arab: "[\u0660-\u0669]",
  arabext: "[\u06F0-\u06F9]",
  bali: "[\u1B50-\u1B59]",
  beng: "[\u09E6-\u09EF]",
  deva: "[\u0966-\u096F]",
  fullwide: "[\uFF10-\uFF19]",
  gujr: "[\u0AE6-\u0AEF]",
  hanidec: "[〇|一|二|三|四|五|六|七|八|九]",
  khmr: "[\u17E0-\u17E9]",
  knda: "[\u0CE6-\u0CEF]",
  laoo: "[\u0ED0-\u0ED9]",
  limb: "[\u1946-\u194F]",
  mlym: "[\u0D66-\u0D6F]",
  mong: "[\u1810-\u1819]",
  mymr: "[\u1040-\u1049]",
  orya: "[\u0B66-\u0B6F]",
  tamldec: "[\u0BE6-\u0BEF]",
  telu: "[\u0C66-\u0C6F]",
  thai: "[\u0E50-\u0E59]",
  tibt: "[\u0F20-\u0F29]",
  latn: "\\d"
};
const numberingSystemsUTF16 = {
  arab: [1632, 1641],
  arabext: [1776, 1785],
  bali: [6992, 7001],
  beng: [2534, 2543],
  deva: [2406, 2415],
  fullwide: [65296, 65303],
  gujr: [2790, 2799],
  khmr: [6112, 6121],
  knda: [3302, 3311],
  laoo: [3792, 3801],
  limb: [6470, 6479],
  mlym: [3430, 3439],
  mong: [6160, 6169],
  mymr: [4160, 4169],
  orya: [2918, 2927],
  tamldec: [3046, 3055],
  telu: [3174, 3183],
  thai: [3664, 3673],
  tibt: [3872, 3881]
};
const hanidecChars = numberingSystems.hanidec.replace(/[\[|\]]/g, "").split("");
function parseDigits(str) {
  let value = parseInt(str, 10);
  if (isNaN(value)) {
    value = "";
    for (let i = 0; i < str.length; i++) {
      const code = str.charCodeAt(i);
      if (str[i].search(numberingSystems.hanidec) !== -1) {
        value += hanidecChars.indexOf(str[i]);
      } else {
        for (const key in numberingSystemsUTF16) {
          const [min, max] = numberingSystemsUTF16[key];
          if (code >= min && code <= max) {
            value += code - min;
          }
        }
      }
    }
    return parseInt(value, 10);
  } else {
    return value;
  }
}

// cache of {numberingSystem: {append: regex}}
const digitRegexCache = new Map();
function resetDigitRegexCache() {
  digitRegexCache.clear();
}
function digitRegex({
  numberingSystem
}, append = "") {
  const ns = numberingSystem || "latn";
  let appendCache = digitRegexCache.get(ns);
  if (appendCache === undefined) {
    appendCache = new Map();
    digitRegexCache.set(ns, appendCache);
  }
  let regex = appendCache.get(append);
  if (regex === undefined) {
    regex = new RegExp(`${numberingSystems[ns]}${append}`);
    appendCache.set(append, regex);
  }
  return regex;
}

let now = () => Date.now(),
  defaultZone = "system",
  defaultLocale = null,
  defaultNumberingSystem = null,
  defaultOutputCalendar = null,
  twoDigitCutoffYear = 60,
  throwOnInvalid,
  defaultWeekSettings = null;

/**
 * Settings contains static getters and setters that control Luxon's overall behavior. Luxon is a simple library with few options, but the ones it does have live here.
 */
class Settings {
  /**
   * Get the callback for returning the current timestamp.
   * @type {function}
   */
  static get now() {
    return now;
  }

  /**
   * Set the callback for returning the current timestamp.
   * The function should return a number, which will be interpreted as an Epoch millisecond count
   * @type {function}
   * @example Settings.now = () => Date.now() + 3000 // pretend it is 3 seconds in the future
   * @example Settings.now = () => 0 // always pretend it's Jan 1, 1970 at midnight in UTC time
   */
  static set now(n) {
    now = n;
  }

  /**
   * Set the default time zone to create DateTimes in. Does not affect existing instances.
   * Use the value "system" to reset this value to the system's time zone.
   * @type {string}
   */
  static set defaultZone(zone) {
    defaultZone = zone;
  }

  /**
   * Get the default time zone object currently used to create DateTimes. Does not affect existing instances.
   * The default value is the system's time zone (the one set on the machine that runs this code).
   * @type {Zone}
   */
  static get defaultZone() {
    return normalizeZone(defaultZone, SystemZone.instance);
  }

  /**
   * Get the default locale to create DateTimes with. Does not affect existing instances.
   * @type {string}
   */
  static get defaultLocale() {
    return defaultLocale;
  }

  /**
   * Set the default locale to create DateTimes with. Does not affect existing instances.
   * @type {string}
   */
  static set defaultLocale(locale) {
    defaultLocale = locale;
  }

  /**
   * Get the default numbering system to create DateTimes with. Does not affect existing instances.
   * @type {string}
   */
  static get defaultNumberingSystem() {
    return defaultNumberingSystem;
  }

  /**
   * Set the default numbering system to create DateTimes with. Does not affect existing instances.
   * @type {string}
   */
  static set defaultNumberingSystem(numberingSystem) {
    defaultNumberingSystem = numberingSystem;
  }

  /**
   * Get the default output calendar to create DateTimes with. Does not affect existing instances.
   * @type {string}
   */
  static get defaultOutputCalendar() {
    return defaultOutputCalendar;
  }

  /**
   * Set the default output calendar to create DateTimes with. Does not affect existing instances.
   * @type {string}
   */
  static set defaultOutputCalendar(outputCalendar) {
    defaultOutputCalendar = outputCalendar;
  }

  /**
   * @typedef {Object} WeekSettings
   * @property {number} firstDay
   * @property {number} minimalDays
   * @property {number[]} weekend
   */

  /**
   * @return {WeekSettings|null}
   */
  static get defaultWeekSettings() {
    return defaultWeekSettings;
  }

  /**
   * Allows overriding the default locale week settings, i.e. the start of the week, the weekend and
   * how many days are required in the first week of a year.
   * Does not affect existing instances.
   *
   * @param {WeekSettings|null} weekSettings
   */
  static set defaultWeekSettings(weekSettings) {
    defaultWeekSettings = validateWeekSettings(weekSettings);
  }

  /**
   * Get the cutoff year for whether a 2-digit year string is interpreted in the current or previous century. Numbers higher than the cutoff will be considered to mean 19xx and numbers lower or equal to the cutoff will be considered 20xx.
   * @type {number}
   */
  static get twoDigitCutoffYear() {
    return twoDigitCutoffYear;
  }

  /**
   * Set the cutoff year for whether a 2-digit year string is interpreted in the current or previous century. Numbers higher than the cutoff will be considered to mean 19xx and numbers lower or equal to the cutoff will be considered 20xx.
   * @type {number}
   * @example Settings.twoDigitCutoffYear = 0 // all 'yy' are interpreted as 20th century
   * @example Settings.twoDigitCutoffYear = 99 // all 'yy' are interpreted as 21st century
   * @example Settings.twoDigitCutoffYear = 50 // '49' -> 2049; '50' -> 1950
   * @example Settings.twoDigitCutoffYear = 1950 // interpreted as 50
   * @example Settings.twoDigitCutoffYear = 2050 // ALSO interpreted as 50
   */
  static set twoDigitCutoffYear(cutoffYear) {
    twoDigitCutoffYear = cutoffYear % 100;
  }

  /**
   * Get whether Luxon will throw when it encounters invalid DateTimes, Durations, or Intervals
   * @type {boolean}
   */
  static get throwOnInvalid() {
    return throwOnInvalid;
  }

  /**
   * Set whether Luxon will throw when it encounters invalid DateTimes, Durations, or Intervals
   * @type {boolean}
   */
  static set throwOnInvalid(t) {
    throwOnInvalid = t;
  }

  /**
   * Reset Luxon's global caches. Should only be necessary in testing scenarios.
   * @return {void}
   */
  static resetCaches() {
    Locale.resetCache();
    IANAZone.resetCache();
    DateTime.resetCache();
    resetDigitRegexCache();
  }
}

class Invalid {
  constructor(reason, explanation) {
    this.reason = reason;
    this.explanation = explanation;
  }
  toMessage() {
    if (this.explanation) {
      return `${this.reason}: ${this.explanation}`;
    } else {
      return this.reason;
    }
  }
}

const nonLeapLadder = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334],
  leapLadder = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];
function unitOutOfRange(unit, value) {
  return new Invalid("unit out of range", `you specified ${value} (of type ${typeof value}) as a ${unit}, which is invalid`);
}
function dayOfWeek(year, month, day) {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 100 && year >= 0) {
    d.setUTCFullYear(d.getUTCFullYear() - 1900);
  }
  const js = d.getUTCDay();
  return js === 0 ? 7 : js;
}
function computeOrdinal(year, month, day) {
  return day + (isLeapYear(year) ? leapLadder : nonLeapLadder)[month - 1];
}
function uncomputeOrdinal(year, ordinal) {
  const table = isLeapYear(year) ? leapLadder : nonLeapLadder,
    month0 = table.findIndex(i => i < ordinal),
    day = ordinal - table[month0];
  return {
    month: month0 + 1,
    day
  };
}
function isoWeekdayToLocal(isoWeekday, startOfWeek) {
  return (isoWeekday - startOfWeek + 7) % 7 + 1;
}

/**
 * @private
 */

function gregorianToWeek(gregObj, minDaysInFirstWeek = 4, startOfWeek = 1) {
  const {
      year,
      month,
      day
    } = gregObj,
    ordinal = computeOrdinal(year, month, day),
    weekday = isoWeekdayToLocal(dayOfWeek(year, month, day), startOfWeek);
  let weekNumber = Math.floor((ordinal - weekday + 14 - minDaysInFirstWeek) / 7),
    weekYear;
  if (weekNumber < 1) {
    weekYear = year - 1;
    weekNumber = weeksInWeekYear(weekYear, minDaysInFirstWeek, startOfWeek);
  } else if (weekNumber > weeksInWeekYear(year, minDaysInFirstWeek, startOfWeek)) {
    weekYear = year + 1;
    weekNumber = 1;
  } else {
    weekYear = year;
  }
  return {
    weekYear,
    weekNumber,
    weekday,
    ...timeObject(gregObj)
  };
}
function weekToGregorian(weekData, minDaysInFirstWeek = 4, startOfWeek = 1) {
  const {
      weekYear,
      weekNumber,
      weekday
    } = weekData,
    weekdayOfJan4 = isoWeekdayToLocal(dayOfWeek(weekYear, 1, minDaysInFirstWeek), startOfWeek),
    yearInDays = daysInYear(weekYear);
  let ordinal = weekNumber * 7 + weekday - weekdayOfJan4 - 7 + minDaysInFirstWeek,
    year;
  if (ordinal < 1) {
    year = weekYear - 1;
    ordinal += daysInYear(year);
  } else if (ordinal > yearInDays) {
    year = weekYear + 1;
    ordinal -= daysInYear(weekYear);
  } else {
    year = weekYear;
  }
  const {
    month,
    day
  } = uncomputeOrdinal(year, ordinal);
  return {
    year,
    month,
    day,
    ...timeObject(weekData)
  };
}
function gregorianToOrdinal(gregData) {
  const {
    year,
    month,
    day
  } = gregData;
  const ordinal = computeOrdinal(year, month, day);
  return {
    year,
    ordinal,
    ...timeObject(gregData)
  };
}
function ordinalToGregorian(ordinalData) {
  const {
    year,
    ordinal
  } = ordinalData;
  const {
    month,
    day
  } = uncomputeOrdinal(year, ordinal);
  return {
    year,
    month,
    day,
    ...timeObject(ordinalData)
  };
}

/**
 * Check if local week units like localWeekday are used in obj.
 * If so, validates that they are not mixed with ISO week units and then copies them to the normal week unit properties.
 * Modifies obj in-place!
 * @param obj the object values
 */
function usesLocalWeekValues(obj, loc) {
  const hasLocaleWeekData = !isUndefined(obj.localWeekday) || !isUndefined(obj.localWeekNumber) || !isUndefined(obj.localWeekYear);
  if (hasLocaleWeekData) {
    const hasIsoWeekData = !isUndefined(obj.weekday) || !isUndefined(obj.weekNumber) || !isUndefined(obj.weekYear);
    if (hasIsoWeekData) {
      throw new ConflictingSpecificationError("Cannot mix locale-based week fields with ISO-based week fields");
    }
    if (!isUndefined(obj.localWeekday)) obj.weekday = obj.localWeekday;
    if (!isUndefined(obj.localWeekNumber)) obj.weekNumber = obj.localWeekNumber;
    if (!isUndefined(obj.localWeekYear)) obj.weekYear = obj.localWeekYear;
    delete obj.localWeekday;
    delete obj.localWeekNumber;
    delete obj.localWeekYear;
    return {
      minDaysInFirstWeek: loc.getMinDaysInFirstWeek(),
      startOfWeek: loc.getStartOfWeek()
    };
  } else {
    return {
      minDaysInFirstWeek: 4,
      startOfWeek: 1
    };
  }
}
function hasInvalidWeekData(obj, minDaysInFirstWeek = 4, startOfWeek = 1) {
  const validYear = isInteger(obj.weekYear),
    validWeek = integerBetween(obj.weekNumber, 1, weeksInWeekYear(obj.weekYear, minDaysInFirstWeek, startOfWeek)),
    validWeekday = integerBetween(obj.weekday, 1, 7);
  if (!validYear) {
    return unitOutOfRange("weekYear", obj.weekYear);
  } else if (!validWeek) {
    return unitOutOfRange("week", obj.weekNumber);
  } else if (!validWeekday) {
    return unitOutOfRange("weekday", obj.weekday);
  } else return false;
}
function hasInvalidOrdinalData(obj) {
  const validYear = isInteger(obj.year),
    validOrdinal = integerBetween(obj.ordinal, 1, daysInYear(obj.year));
  if (!validYear) {
    return unitOutOfRange("year", obj.year);
  } else if (!validOrdinal) {
    return unitOutOfRange("ordinal", obj.ordinal);
  } else return false;
}
function hasInvalidGregorianData(obj) {
  const validYear = isInteger(obj.year),
    validMonth = integerBetween(obj.month, 1, 12),
    validDay = integerBetween(obj.day, 1, daysInMonth(obj.year, obj.month));
  if (!validYear) {
    return unitOutOfRange("year", obj.year);
  } else if (!validMonth) {
    return unitOutOfRange("month", obj.month);
  } else if (!validDay) {
    return unitOutOfRange("day", obj.day);
  } else return false;
}
function hasInvalidTimeData(obj) {
  const {
    hour,
    minute,
    second,
    millisecond
  } = obj;
  const validHour = integerBetween(hour, 0, 23) || hour === 24 && minute === 0 && second === 0 && millisecond === 0,
    validMinute = integerBetween(minute, 0, 59),
    validSecond = integerBetween(second, 0, 59),
    validMillisecond = integerBetween(millisecond, 0, 999);
  if (!validHour) {
    return unitOutOfRange("hour", hour);
  } else if (!validMinute) {
    return unitOutOfRange("minute", minute);
  } else if (!validSecond) {
    return unitOutOfRange("second", second);
  } else if (!validMillisecond) {
    return unitOutOfRange("millisecond", millisecond);
  } else return false;
}

/*
  This is just a junk drawer, containing anything used across multiple classes.
  Because Luxon is small(ish), this should stay small and we won't worry about splitting
  it up into, say, parsingUtil.js and basicUtil.js and so on. But they are divided up by feature area.
*/

/**
 * @private
 */

// TYPES

function isUndefined(o) {
  return typeof o === "undefined";
}
function isNumber(o) {
  return typeof o === "number";
}
function isInteger(o) {
  return typeof o === "number" && o % 1 === 0;
}
function isString(o) {
  return typeof o === "string";
}
function isDate(o) {
  return Object.prototype.toString.call(o) === "[object Date]";
}

// CAPABILITIES

function hasRelative() {
  try {
    return typeof Intl !== "undefined" && !!Intl.RelativeTimeFormat;
  } catch (e) {
    return false;
  }
}
function hasLocaleWeekInfo() {
  try {
    return typeof Intl !== "undefined" && !!Intl.Locale && ("weekInfo" in Intl.Locale.prototype || "getWeekInfo" in Intl.Locale.prototype);
  } catch (e) {
    return false;
  }
}

// OBJECTS AND ARRAYS

function maybeArray(thing) {
  return Array.isArray(thing) ? thing : [thing];
}
function bestBy(arr, by, compare) {
  if (arr.length === 0) {
    return undefined;
  }
  return arr.reduce((best, next) => {
    const pair = [by(next), next];
    if (!best) {
      return pair;
    } else if (compare(best[0], pair[0]) === best[0]) {
      return best;
    } else {
      return pair;
    }
  }, null)[1];
}
function pick(obj, keys) {
  return keys.reduce((a, k) => {
    a[k] = obj[k];
    return a;
  }, {});
}
function hasOwnProperty(obj, prop) {
  return Object.prototype.hasOwnProperty.call(obj, prop);
}
function validateWeekSettings(settings) {
  if (settings == null) {
    return null;
  } else if (typeof settings !== "object") {
    throw new InvalidArgumentError("Week settings must be an object");
  } else {
    if (!integerBetween(settings.firstDay, 1, 7) || !integerBetween(settings.minimalDays, 1, 7) || !Array.isArray(settings.weekend) || settings.weekend.some(v => !integerBetween(v, 1, 7))) {
      throw new InvalidArgumentError("Invalid week settings");
    }
    return {
      firstDay: settings.firstDay,
      minimalDays: settings.minimalDays,
      weekend: Array.from(settings.weekend)
    };
  }
}

// NUMBERS AND STRINGS

function integerBetween(thing, bottom, top) {
  return isInteger(thing) && thing >= bottom && thing <= top;
}

// x % n but takes the sign of n instead of x
function floorMod(x, n) {
  return x - n * Math.floor(x / n);
}
function padStart(input, n = 2) {
  const isNeg = input < 0;
  let padded;
  if (isNeg) {
    padded = "-" + ("" + -input).padStart(n, "0");
  } else {
    padded = ("" + input).padStart(n, "0");
  }
  return padded;
}
function parseInteger(string) {
  if (isUndefined(string) || string === null || string === "") {
    return undefined;
  } else {
    return parseInt(string, 10);
  }
}
function parseFloating(string) {
  if (isUndefined(string) || string === null || string === "") {
    return undefined;
  } else {
    return parseFloat(string);
  }
}
function parseMillis(fraction) {
  // Return undefined (instead of 0) in these cases, where fraction is not set
  if (isUndefined(fraction) || fraction === null || fraction === "") {
    return undefined;
  } else {
    const f = parseFloat("0." + fraction) * 1000;
    return Math.floor(f);
  }
}
function roundTo(number, digits, rounding = "round") {
  const factor = 10 ** digits;
  switch (rounding) {
    case "expand":
      return number > 0 ? Math.ceil(number * factor) / factor : Math.floor(number * factor) / factor;
    case "trunc":
      return Math.trunc(number * factor) / factor;
    case "round":
      return Math.round(number * factor) / factor;
    case "floor":
      return Math.floor(number * factor) / factor;
    case "ceil":
      return Math.ceil(number * factor) / factor;
    default:
      throw new RangeError(`Value rounding ${rounding} is out of range`);
  }
}

// DATE BASICS

function isLeapYear(year) {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
function daysInYear(year) {
  return isLeapYear(year) ? 366 : 365;
}
function daysInMonth(year, month) {
  const modMonth = floorMod(month - 1, 12) + 1,
    modYear = year + (month - modMonth) / 12;
  if (modMonth === 2) {
    return isLeapYear(modYear) ? 29 : 28;
  } else {
    return [31, null, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][modMonth - 1];
  }
}

// convert a calendar object to a local timestamp (epoch, but with the offset baked in)
function objToLocalTS(obj) {
  let d = Date.UTC(obj.year, obj.month - 1, obj.day, obj.hour, obj.minute, obj.second, obj.millisecond);

  // for legacy reasons, years between 0 and 99 are interpreted as 19XX; revert that
  if (obj.year < 100 && obj.year >= 0) {
    d = new Date(d);
    // set the month and day again, this is necessary because year 2000 is a leap year, but year 100 is not
    // so if obj.year is in 99, but obj.day makes it roll over into year 100,
    // the calculations done by Date.UTC are using year 2000 - which is incorrect
    d.setUTCFullYear(obj.year, obj.month - 1, obj.day);
  }
  return +d;
}

// adapted from moment.js: https://github.com/moment/moment/blob/000ac1800e620f770f4eb31b5ae908f6167b0ab2/src/lib/units/week-calendar-utils.js
function firstWeekOffset(year, minDaysInFirstWeek, startOfWeek) {
  const fwdlw = isoWeekdayToLocal(dayOfWeek(year, 1, minDaysInFirstWeek), startOfWeek);
  return -fwdlw + minDaysInFirstWeek - 1;
}
function weeksInWeekYear(weekYear, minDaysInFirstWeek = 4, startOfWeek = 1) {
  const weekOffset = firstWeekOffset(weekYear, minDaysInFirstWeek, startOfWeek);
  const weekOffsetNext = firstWeekOffset(weekYear + 1, minDaysInFirstWeek, startOfWeek);
  return (daysInYear(weekYear) - weekOffset + weekOffsetNext) / 7;
}
function untruncateYear(year) {
  if (year > 99) {
    return year;
  } else return year > Settings.twoDigitCutoffYear ? 1900 + year : 2000 + year;
}

// PARSING

function parseZoneInfo(ts, offsetFormat, locale, timeZone = null) {
  const date = new Date(ts),
    intlOpts = {
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit"
    };
  if (timeZone) {
    intlOpts.timeZone = timeZone;
  }
  const modified = {
    timeZoneName: offsetFormat,
    ...intlOpts
  };
  const parsed = new Intl.DateTimeFormat(locale, modified).formatToParts(date).find(m => m.type.toLowerCase() === "timezonename");
  return parsed ? parsed.value : null;
}

// signedOffset('-5', '30') -> -330
function signedOffset(offHourStr, offMinuteStr) {
  let offHour = parseInt(offHourStr, 10);

  // don't || this because we want to preserve -0
  if (Number.isNaN(offHour)) {
    offHour = 0;
  }
  const offMin = parseInt(offMinuteStr, 10) || 0,
    offMinSigned = offHour < 0 || Object.is(offHour, -0) ? -offMin : offMin;
  return offHour * 60 + offMinSigned;
}

// COERCION

function asNumber(value) {
  const numericValue = Number(value);
  if (typeof value === "boolean" || value === "" || !Number.isFinite(numericValue)) throw new InvalidArgumentError(`Invalid unit value ${value}`);
  return numericValue;
}
function normalizeObject(obj, normalizer) {
  const normalized = {};
  for (const u in obj) {
    if (hasOwnProperty(obj, u)) {
      const v = obj[u];
      if (v === undefined || v === null) continue;
      normalized[normalizer(u)] = asNumber(v);
    }
  }
  return normalized;
}

/**
 * Returns the offset's value as a string
 * @param {number} ts - Epoch milliseconds for which to get the offset
 * @param {string} format - What style of offset to return.
 *                          Accepts 'narrow', 'short', or 'techie'. Returning '+6', '+06:00', or '+0600' respectively
 * @return {string}
 */
function formatOffset(offset, format) {
  const hours = Math.trunc(Math.abs(offset / 60)),
    minutes = Math.trunc(Math.abs(offset % 60)),
    sign = offset >= 0 ? "+" : "-";
  switch (format) {
    case "short":
      return `${sign}${padStart(hours, 2)}:${padStart(minutes, 2)}`;
    case "narrow":
      return `${sign}${hours}${minutes > 0 ? `:${minutes}` : ""}`;
    case "techie":
      return `${sign}${padStart(hours, 2)}${padStart(minutes, 2)}`;
    default:
      throw new RangeError(`Value format ${format} is out of range for property format`);
  }
}
function timeObject(obj) {
  return pick(obj, ["hour", "minute", "second", "millisecond"]);
}

/**
 * @private
 */

const monthsLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const monthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthsNarrow = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"];
function months(length) {
  switch (length) {
    case "narrow":
      return [...monthsNarrow];
    case "short":
      return [...monthsShort];
    case "long":
      return [...monthsLong];
    case "numeric":
      return ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
    case "2-digit":
      return ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
    default:
      return null;
  }
}
const weekdaysLong = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const weekdaysShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const weekdaysNarrow = ["M", "T", "W", "T", "F", "S", "S"];
function weekdays(length) {
  switch (length) {
    case "narrow":
      return [...weekdaysNarrow];
    case "short":
      return [...weekdaysShort];
    case "long":
      return [...weekdaysLong];
    case "numeric":
      return ["1", "2", "3", "4", "5", "6", "7"];
    default:
      return null;
  }
}
const meridiems = ["AM", "PM"];
const erasLong = ["Before Christ", "Anno Domini"];
const erasShort = ["BC", "AD"];
const erasNarrow = ["B", "A"];
function eras(length) {
  switch (length) {
    case "narrow":
      return [...erasNarrow];
    case "short":
      return [...erasShort];
    case "long":
      return [...erasLong];
    default:
      return null;
  }
}
function meridiemForDateTime(dt) {
  return meridiems[dt.hour < 12 ? 0 : 1];
}
function weekdayForDateTime(dt, length) {
  return weekdays(length)[dt.weekday - 1];
}
function monthForDateTime(dt, length) {
  return months(length)[dt.month - 1];
}
function eraForDateTime(dt, length) {
  return eras(length)[dt.year < 0 ? 0 : 1];
}
function formatRelativeTime(unit, count, numeric = "always", narrow = false) {
  const units = {
    years: ["year", "yr."],
    quarters: ["quarter", "qtr."],
    months: ["month", "mo."],
    weeks: ["week", "wk."],
    days: ["day", "day", "days"],
    hours: ["hour", "hr."],
    minutes: ["minute", "min."],
    seconds: ["second", "sec."]
  };
  const lastable = ["hours", "minutes", "seconds"].indexOf(unit) === -1;
  if (numeric === "auto" && lastable) {
    const isDay = unit === "days";
    switch (count) {
      case 1:
        return isDay ? "tomorrow" : `next ${units[unit][0]}`;
      case -1:
        return isDay ? "yesterday" : `last ${units[unit][0]}`;
      case 0:
        return isDay ? "today" : `this ${units[unit][0]}`;
    }
  }

  const isInPast = Object.is(count, -0) || count < 0,
    fmtValue = Math.abs(count),
    singular = fmtValue === 1,
    lilUnits = units[unit],
    fmtUnit = narrow ? singular ? lilUnits[1] : lilUnits[2] || lilUnits[1] : singular ? units[unit][0] : unit;
  return isInPast ? `${fmtValue} ${fmtUnit} ago` : `in ${fmtValue} ${fmtUnit}`;
}

function stringifyTokens(splits, tokenToString) {
  let s = "";
  for (const token of splits) {
    if (token.literal) {
      s += token.val;
    } else {
      s += tokenToString(token.val);
    }
  }
  return s;
}
const macroTokenToFormatOpts = {
  D: DATE_SHORT,
  DD: DATE_MED,
  DDD: DATE_FULL,
  DDDD: DATE_HUGE,
  t: TIME_SIMPLE,
  tt: TIME_WITH_SECONDS,
  ttt: TIME_WITH_SHORT_OFFSET,
  tttt: TIME_WITH_LONG_OFFSET,
  T: TIME_24_SIMPLE,
  TT: TIME_24_WITH_SECONDS,
  TTT: TIME_24_WITH_SHORT_OFFSET,
  TTTT: TIME_24_WITH_LONG_OFFSET,
  f: DATETIME_SHORT,
  ff: DATETIME_MED,
  fff: DATETIME_FULL,
  ffff: DATETIME_HUGE,
  F: DATETIME_SHORT_WITH_SECONDS,
  FF: DATETIME_MED_WITH_SECONDS,
  FFF: DATETIME_FULL_WITH_SECONDS,
  FFFF: DATETIME_HUGE_WITH_SECONDS
};

/**
 * @private
 */

class Formatter {
  static create(locale, opts = {}) {
    return new Formatter(locale, opts);
  }
  static parseFormat(fmt) {
    // white-space is always considered a literal in user-provided formats
    // the " " token has a special meaning (see unitForToken)

    let current = null,
      currentFull = "",
      bracketed = false;
    const splits = [];
    for (let i = 0; i < fmt.length; i++) {
      const c = fmt.charAt(i);
      if (c === "'") {
        // turn '' into a literal signal quote instead of just skipping the empty literal
        if (currentFull.length > 0 || bracketed) {
          splits.push({
            literal: bracketed || /^\s+$/.test(currentFull),
            val: currentFull === "" ? "'" : currentFull
          });
        }
        current = null;
        currentFull = "";
        bracketed = !bracketed;
      } else if (bracketed) {
        currentFull += c;
      } else if (c === current) {
        currentFull += c;
      } else {
        if (currentFull.length > 0) {
          splits.push({
            literal: /^\s+$/.test(currentFull),
            val: currentFull
          });
        }
        currentFull = c;
        current = c;
      }
    }
    if (currentFull.length > 0) {
      splits.push({
        literal: bracketed || /^\s+$/.test(currentFull),
        val: currentFull
      });
    }
    return splits;
  }
  static macroTokenToFormatOpts(token) {
    return macroTokenToFormatOpts[token];
  }
  constructor(locale, formatOpts) {
    this.opts = formatOpts;
    this.loc = locale;
    this.systemLoc = null;
  }
  formatWithSystemDefault(dt, opts) {
    if (this.systemLoc === null) {
      this.systemLoc = this.loc.redefaultToSystem();
    }
    const df = this.systemLoc.dtFormatter(dt, {
      ...this.opts,
      ...opts
    });
    return df.format();
  }
  dtFormatter(dt, opts = {}) {
    return this.loc.dtFormatter(dt, {
      ...this.opts,
      ...opts
    });
  }
  formatDateTime(dt, opts) {
    return this.dtFormatter(dt, opts).format();
  }
  formatDateTimeParts(dt, opts) {
    return this.dtFormatter(dt, opts).formatToParts();
  }
  formatInterval(interval, opts) {
    const df = this.dtFormatter(interval.start, opts);
    return df.dtf.formatRange(interval.start.toJSDate(), interval.end.toJSDate());
  }
  resolvedOptions(dt, opts) {
    return this.dtFormatter(dt, opts).resolvedOptions();
  }
  num(n, p = 0, signDisplay = undefined) {
    // we get some perf out of doing this here, annoyingly
    if (this.opts.forceSimple) {
      return padStart(n, p);
    }
    const opts = {
      ...this.opts
    };
    if (p > 0) {
      opts.padTo = p;
    }
    if (signDisplay) {
      opts.signDisplay = signDisplay;
    }
    return this.loc.numberFormatter(opts).format(n);
  }
  formatDateTimeFromString(dt, fmt) {
    const knownEnglish = this.loc.listingMode() === "en",
      useDateTimeFormatter = this.loc.outputCalendar && this.loc.outputCalendar !== "gregory",
      string = (opts, extract) => this.loc.extract(dt, opts, extract),
      formatOffset = opts => {
        if (dt.isOffsetFixed && dt.offset === 0 && opts.allowZ) {
          return "Z";
        }
        return dt.isValid ? dt.zone.formatOffset(dt.ts, opts.format) : "";
      },
      meridiem = () => knownEnglish ? meridiemForDateTime(dt) : string({
        hour: "numeric",
        hourCycle: "h12"
      }, "dayperiod"),
      month = (length, standalone) => knownEnglish ? monthForDateTime(dt, length) : string(standalone ? {
        month: length
      } : {
        month: length,
        day: "numeric"
      }, "month"),
      weekday = (length, standalone) => knownEnglish ? weekdayForDateTime(dt, length) : string(standalone ? {
        weekday: length
      } : {
        weekday: length,
        month: "long",
        day: "numeric"
      }, "weekday"),
      maybeMacro = token => {
        const formatOpts = Formatter.macroTokenToFormatOpts(token);
        if (formatOpts) {
          return this.formatWithSystemDefault(dt, formatOpts);
        } else {
          return token;
        }
      },
      era = length => knownEnglish ? eraForDateTime(dt, length) : string({
        era: length
      }, "era"),
      tokenToString = token => {
        // Where possible: https://cldr.unicode.org/translation/date-time/date-time-symbols
        switch (token) {
          // ms
          case "S":
            return this.num(dt.millisecond);
          case "u":
          // falls through
          case "SSS":
            return this.num(dt.millisecond, 3);
          // seconds
          case "s":
            return this.num(dt.second);
          case "ss":
            return this.num(dt.second, 2);
          // fractional seconds
          case "uu":
            return this.num(Math.floor(dt.millisecond / 10), 2);
          case "uuu":
            return this.num(Math.floor(dt.millisecond / 100));
          // minutes
          case "m":
            return this.num(dt.minute);
          case "mm":
            return this.num(dt.minute, 2);
          // hours
          case "h":
            return this.num(dt.hour % 12 === 0 ? 12 : dt.hour % 12);
          case "hh":
            return this.num(dt.hour % 12 === 0 ? 12 : dt.hour % 12, 2);
          case "H":
            return this.num(dt.hour);
          case "HH":
            return this.num(dt.hour, 2);
          // offset
          case "Z":
            // like +6
            return formatOffset({
              format: "narrow",
              allowZ: this.opts.allowZ
            });
          case "ZZ":
            // like +06:00
            return formatOffset({
              format: "short",
              allowZ: this.opts.allowZ
            });
          case "ZZZ":
            // like +0600
            return formatOffset({
              format: "techie",
              allowZ: this.opts.allowZ
            });
          case "ZZZZ":
            // like EST
            return dt.zone.offsetName(dt.ts, {
              format: "short",
              locale: this.loc.locale
            });
          case "ZZZZZ":
            // like Eastern Standard Time
            return dt.zone.offsetName(dt.ts, {
              format: "long",
              locale: this.loc.locale
            });
          // zone
          case "z":
            // like America/New_York
            return dt.zoneName;
          // meridiems
          case "a":
            return meridiem();
          // dates
          case "d":
            return useDateTimeFormatter ? string({
              day: "numeric"
            }, "day") : this.num(dt.day);
          case "dd":
            return useDateTimeFormatter ? string({
              day: "2-digit"
            }, "day") : this.num(dt.day, 2);
          // weekdays - standalone
          case "c":
            // like 1
            return this.num(dt.weekday);
          case "ccc":
            // like 'Tues'
            return weekday("short", true);
          case "cccc":
            // like 'Tuesday'
            return weekday("long", true);
          case "ccccc":
            // like 'T'
            return weekday("narrow", true);
          // weekdays - format
          case "E":
            // like 1
            return this.num(dt.weekday);
          case "EEE":
            // like 'Tues'
            return weekday("short", false);
          case "EEEE":
            // like 'Tuesday'
            return weekday("long", false);
          case "EEEEE":
            // like 'T'
            return weekday("narrow", false);
          // months - standalone
          case "L":
            // like 1
            return useDateTimeFormatter ? string({
              month: "numeric",
              day: "numeric"
            }, "month") : this.num(dt.month);
          case "LL":
            // like 01, doesn't seem to work
            return useDateTimeFormatter ? string({
              month: "2-digit",
              day: "numeric"
            }, "month") : this.num(dt.month, 2);
          case "LLL":
            // like Jan
            return month("short", true);
          case "LLLL":
            // like January
            return month("long", true);
          case "LLLLL":
            // like J
            return month("narrow", true);
          // months - format
          case "M":
            // like 1
            return useDateTimeFormatter ? string({
              month: "numeric"
            }, "month") : this.num(dt.month);
          case "MM":
            // like 01
            return useDateTimeFormatter ? string({
              month: "2-digit"
            }, "month") : this.num(dt.month, 2);
          case "MMM":
            // like Jan
            return month("short", false);
          case "MMMM":
            // like January
            return month("long", false);
          case "MMMMM":
            // like J
            return month("narrow", false);
          // years
          case "y":
            // like 2014
            return useDateTimeFormatter ? string({
              year: "numeric"
            }, "year") : this.num(dt.year);
          case "yy":
            // like 14
            return useDateTimeFormatter ? string({
              year: "2-digit"
            }, "year") : this.num(dt.year.toString().slice(-2), 2);
          case "yyyy":
            // like 0012
            return useDateTimeFormatter ? string({
              year: "numeric"
            }, "year") : this.num(dt.year, 4);
          case "yyyyyy":
            // like 000012
            return useDateTimeFormatter ? string({
              year: "numeric"
            }, "year") : this.num(dt.year, 6);
          // eras
          case "G":
            // like AD
            return era("short");
          case "GG":
            // like Anno Domini
            return era("long");
          case "GGGGG":
            return era("narrow");
          case "kk":
            return this.num(dt.weekYear.toString().slice(-2), 2);
          case "kkkk":
            return this.num(dt.weekYear, 4);
          case "W":
            return this.num(dt.weekNumber);
          case "WW":
            return this.num(dt.weekNumber, 2);
          case "n":
            return this.num(dt.localWeekNumber);
          case "nn":
            return this.num(dt.localWeekNumber, 2);
          case "ii":
            return this.num(dt.localWeekYear.toString().slice(-2), 2);
          case "iiii":
            return this.num(dt.localWeekYear, 4);
          case "o":
            return this.num(dt.ordinal);
          case "ooo":
            return this.num(dt.ordinal, 3);
          case "q":
            // like 1
            return this.num(dt.quarter);
          case "qq":
            // like 01
            return this.num(dt.quarter, 2);
          case "X":
            return this.num(Math.floor(dt.ts / 1000));
          case "x":
            return this.num(dt.ts);
          default:
            return maybeMacro(token);
        }
      };
    return stringifyTokens(Formatter.parseFormat(fmt), tokenToString);
  }
  formatDurationFromString(dur, fmt) {
    const invertLargest = this.opts.signMode === "negativeLargestOnly" ? -1 : 1;
    const tokenToField = token => {
        switch (token[0]) {
          case "S":
            return "milliseconds";
          case "s":
            return "seconds";
          case "m":
            return "minutes";
          case "h":
            return "hours";
          case "d":
            return "days";
          case "w":
            return "weeks";
          case "M":
            return "months";
          case "y":
            return "years";
          default:
            return null;
        }
      },
      tokenToString = (lildur, info) => token => {
        const mapped = tokenToField(token);
        if (mapped) {
          const inversionFactor = info.isNegativeDuration && mapped !== info.largestUnit ? invertLargest : 1;
          let signDisplay;
          if (this.opts.signMode === "negativeLargestOnly" && mapped !== info.largestUnit) {
            signDisplay = "never";
          } else if (this.opts.signMode === "all") {
            signDisplay = "always";
          } else {
            // "auto" and "negative" are the same, but "auto" has better support
            signDisplay = "auto";
          }
          return this.num(lildur.get(mapped) * inversionFactor, token.length, signDisplay);
        } else {
          return token;
        }
      },
      tokens = Formatter.parseFormat(fmt),
      realTokens = tokens.reduce((found, {
        literal,
        val
      }) => literal ? found : found.concat(val), []),
      collapsed = dur.shiftTo(...realTokens.map(tokenToField).filter(t => t)),
      durationInfo = {
        isNegativeDuration: collapsed < 0,
        // this relies on "collapsed" being based on "shiftTo", which builds up the object
        // in order
        largestUnit: Object.keys(collapsed.values)[0]
      };
    return stringifyTokens(tokens, tokenToString(collapsed, durationInfo));
  }
}

/*
 * This file handles parsing for well-specified formats. Here's how it works:
 * Two things go into parsing: a regex to match with and an extractor to take apart the groups in the match.
 * An extractor is just a function that takes a regex match array and returns a { year: ..., month: ... } object
 * parse() does the work of executing the regex and applying the extractor. It takes multiple regex/extractor pairs to try in sequence.
 * Extractors can take a "cursor" representing the offset in the match to look at. This makes it easy to combine extractors.
 * combineExtractors() does the work of combining them, keeping track of the cursor through multiple extractions.
 * Some extractions are super dumb and simpleParse and fromStrings help DRY them.
 */

const ianaRegex = /[A-Za-z_+-]{1,256}(?::?\/[A-Za-z0-9_+-]{1,256}(?:\/[A-Za-z0-9_+-]{1,256})?)?/;
function combineRegexes(...regexes) {
  const full = regexes.reduce((f, r) => f + r.source, "");
  return RegExp(`^${full}$`);
}
function combineExtractors(...extractors) {
  return m => extractors.reduce(([mergedVals, mergedZone, cursor], ex) => {
    const [val, zone, next] = ex(m, cursor);
    return [{
      ...mergedVals,
      ...val
    }, zone || mergedZone, next];
  }, [{}, null, 1]).slice(0, 2);
}
function parse(s, ...patterns) {
  if (s == null) {
    return [null, null];
  }
  for (const [regex, extractor] of patterns) {
    const m = regex.exec(s);
    if (m) {
      return extractor(m);
    }
  }
  return [null, null];
}
function simpleParse(...keys) {
  return (match, cursor) => {
    const ret = {};
    let i;
    for (i = 0; i < keys.length; i++) {
      ret[keys[i]] = parseInteger(match[cursor + i]);
    }
    return [ret, null, cursor + i];
  };
}

// ISO and SQL parsing
const offsetRegex = /(?:([Zz])|([+-]\d\d)(?::?(\d\d))?)/;
const isoExtendedZone = `(?:${offsetRegex.source}?(?:\\[(${ianaRegex.source})\\])?)?`;
const isoTimeBaseRegex = /(\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d{1,30}))?)?)?/;
const isoTimeRegex = RegExp(`${isoTimeBaseRegex.source}${isoExtendedZone}`);
const isoTimeExtensionRegex = RegExp(`(?:[Tt]${isoTimeRegex.source})?`);
const isoYmdRegex = /([+-]\d{6}|\d{4})(?:-?(\d\d)(?:-?(\d\d))?)?/;
const isoWeekRegex = /(\d{4})-?W(\d\d)(?:-?(\d))?/;
const isoOrdinalRegex = /(\d{4})-?(\d{3})/;
const extractISOWeekData = simpleParse("weekYear", "weekNumber", "weekDay");
const extractISOOrdinalData = simpleParse("year", "ordinal");
const sqlYmdRegex = /(\d{4})-(\d\d)-(\d\d)/; // dumbed-down version of the ISO one
const sqlTimeRegex = RegExp(`${isoTimeBaseRegex.source} ?(?:${offsetRegex.source}|(${ianaRegex.source}))?`);
const sqlTimeExtensionRegex = RegExp(`(?: ${sqlTimeRegex.source})?`);
function int(match, pos, fallback) {
  const m = match[pos];
  return isUndefined(m) ? fallback : parseInteger(m);
}
function extractISOYmd(match, cursor) {
  const item = {
    year: int(match, cursor),
    month: int(match, cursor + 1, 1),
    day: int(match, cursor + 2, 1)
  };
  return [item, null, cursor + 3];
}
function extractISOTime(match, cursor) {
  const item = {
    hours: int(match, cursor, 0),
    minutes: int(match, cursor + 1, 0),
    seconds: int(match, cursor + 2, 0),
    milliseconds: parseMillis(match[cursor + 3])
  };
  return [item, null, cursor + 4];
}
function extractISOOffset(match, cursor) {
  const local = !match[cursor] && !match[cursor + 1],
    fullOffset = signedOffset(match[cursor + 1], match[cursor + 2]),
    zone = local ? null : FixedOffsetZone.instance(fullOffset);
  return [{}, zone, cursor + 3];
}
function extractIANAZone(match, cursor) {
  const zone = match[cursor] ? IANAZone.create(match[cursor]) : null;
  return [{}, zone, cursor + 1];
}

// ISO time parsing

const isoTimeOnly = RegExp(`^T?${isoTimeBaseRegex.source}$`);

// ISO duration parsing

const isoDuration = /^-?P(?:(?:(-?\d{1,20}(?:\.\d{1,20})?)Y)?(?:(-?\d{1,20}(?:\.\d{1,20})?)M)?(?:(-?\d{1,20}(?:\.\d{1,20})?)W)?(?:(-?\d{1,20}(?:\.\d{1,20})?)D)?(?:T(?:(-?\d{1,20}(?:\.\d{1,20})?)H)?(?:(-?\d{1,20}(?:\.\d{1,20})?)M)?(?:(-?\d{1,20})(?:[.,](-?\d{1,20}))?S)?)?)$/;
function extractISODuration(match) {
  const [s, yearStr, monthStr, weekStr, dayStr, hourStr, minuteStr, secondStr, millisecondsStr] = match;
  const hasNegativePrefix = s[0] === "-";
  const negativeSeconds = secondStr && secondStr[0] === "-";
  const maybeNegate = (num, force = false) => num !== undefined && (force || num && hasNegativePrefix) ? -num : num;
  return [{
    years: maybeNegate(parseFloating(yearStr)),
    months: maybeNegate(parseFloating(monthStr)),
    weeks: maybeNegate(parseFloating(weekStr)),
    days: maybeNegate(parseFloating(dayStr)),
    hours: maybeNegate(parseFloating(hourStr)),
    minutes: maybeNegate(parseFloating(minuteStr)),
    seconds: maybeNegate(parseFloating(secondStr), secondStr === "-0"),
    milliseconds: maybeNegate(parseMillis(millisecondsStr), negativeSeconds)
  }];
}

// These are a little braindead. EDT *should* tell us that we're in, say, America/New_York
// and not just that we're in -240 *right now*. But since I don't think these are used that often
// I'm just going to ignore that
const obsOffsets = {
  GMT: 0,
  EDT: -4 * 60,
  EST: -5 * 60,
  CDT: -5 * 60,
  CST: -6 * 60,
  MDT: -6 * 60,
  MST: -7 * 60,
  PDT: -7 * 60,
  PST: -8 * 60
};
function fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr) {
  const result = {
    year: yearStr.length === 2 ? untruncateYear(parseInteger(yearStr)) : parseInteger(yearStr),
    month: monthsShort.indexOf(monthStr) + 1,
    day: parseInteger(dayStr),
    hour: parseInteger(hourStr),
    minute: parseInteger(minuteStr)
  };
  if (secondStr) result.second = parseInteger(secondStr);
  if (weekdayStr) {
    result.weekday = weekdayStr.length > 3 ? weekdaysLong.indexOf(weekdayStr) + 1 : weekdaysShort.indexOf(weekdayStr) + 1;
  }
  return result;
}

// RFC 2822/5322
const rfc2822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s)?(\d{1,2})\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s(\d{2,4})\s(\d\d):(\d\d)(?::(\d\d))?\s(?:(UT|GMT|[ECMP][SD]T)|([Zz])|(?:([+-]\d\d)(\d\d)))$/;
function extractRFC2822(match) {
  const [, weekdayStr, dayStr, monthStr, yearStr, hourStr, minuteStr, secondStr, obsOffset, milOffset, offHourStr, offMinuteStr] = match,
    result = fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr);
  let offset;
  if (obsOffset) {
    offset = obsOffsets[obsOffset];
  } else if (milOffset) {
    offset = 0;
  } else {
    offset = signedOffset(offHourStr, offMinuteStr);
  }
  return [result, new FixedOffsetZone(offset)];
}
function preprocessRFC2822(s) {
  // Remove comments and folding whitespace and replace multiple-spaces with a single space
  return s.replace(/\([^()]*\)|[\n\t]/g, " ").replace(/(\s\s+)/g, " ").trim();
}

// http date

const rfc1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d\d):(\d\d):(\d\d) GMT$/,
  rfc850 = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d\d)-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d\d) (\d\d):(\d\d):(\d\d) GMT$/,
  ascii = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( \d|\d\d) (\d\d):(\d\d):(\d\d) (\d{4})$/;
function extractRFC1123Or850(match) {
  const [, weekdayStr, dayStr, monthStr, yearStr, hourStr, minuteStr, secondStr] = match,
    result = fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr);
  return [result, FixedOffsetZone.utcInstance];
}
function extractASCII(match) {
  const [, weekdayStr, monthStr, dayStr, hourStr, minuteStr, secondStr, yearStr] = match,
    result = fromStrings(weekdayStr, yearStr, monthStr, dayStr, hourStr, minuteStr, secondStr);
  return [result, FixedOffsetZone.utcInstance];
}
const isoYmdWithTimeExtensionRegex = combineRegexes(isoYmdRegex, isoTimeExtensionRegex);
const isoWeekWithTimeExtensionRegex = combineRegexes(isoWeekRegex, isoTimeExtensionRegex);
const isoOrdinalWithTimeExtensionRegex = combineRegexes(isoOrdinalRegex, isoTimeExtensionRegex);
const isoTimeCombinedRegex = combineRegexes(isoTimeRegex);
const extractISOYmdTimeAndOffset = combineExtractors(extractISOYmd, extractISOTime, extractISOOffset, extractIANAZone);
const extractISOWeekTimeAndOffset = combineExtractors(extractISOWeekData, extractISOTime, extractISOOffset, extractIANAZone);
const extractISOOrdinalDateAndTime = combineExtractors(extractISOOrdinalData, extractISOTime, extractISOOffset, extractIANAZone);
const extractISOTimeAndOffset = combineExtractors(extractISOTime, extractISOOffset, extractIANAZone);

/*
 * @private
 */

function parseISODate(s) {
  return parse(s, [isoYmdWithTimeExtensionRegex, extractISOYmdTimeAndOffset], [isoWeekWithTimeExtensionRegex, extractISOWeekTimeAndOffset], [isoOrdinalWithTimeExtensionRegex, extractISOOrdinalDateAndTime], [isoTimeCombinedRegex, extractISOTimeAndOffset]);
}
function parseRFC2822Date(s) {
  return parse(preprocessRFC2822(s), [rfc2822, extractRFC2822]);
}
function parseHTTPDate(s) {
  return parse(s, [rfc1123, extractRFC1123Or850], [rfc850, extractRFC1123Or850], [ascii, extractASCII]);
}
function parseISODuration(s) {
  return parse(s, [isoDuration, extractISODuration]);
}
const extractISOTimeOnly = combineExtractors(extractISOTime);
function parseISOTimeOnly(s) {
  return parse(s, [isoTimeOnly, extractISOTimeOnly]);
}
const sqlYmdWithTimeExtensionRegex = combineRegexes(sqlYmdRegex, sqlTimeExtensionRegex);
const sqlTimeCombinedRegex = combineRegexes(sqlTimeRegex);
const extractISOTimeOffsetAndIANAZone = combineExtractors(extractISOTime, extractISOOffset, extractIANAZone);
function parseSQL(s) {
  return parse(s, [sqlYmdWithTimeExtensionRegex, extractISOYmdTimeAndOffset], [sqlTimeCombinedRegex, extractISOTimeOffsetAndIANAZone]);
}

const INVALID$2 = "Invalid Duration";

// unit conversion constants
const lowOrderMatrix = {
    weeks: {
      days: 7,
      hours: 7 * 24,
      minutes: 7 * 24 * 60,
      seconds: 7 * 24 * 60 * 60,
      milliseconds: 7 * 24 * 60 * 60 * 1000
    },
    days: {
      hours: 24,
      minutes: 24 * 60,
      seconds: 24 * 60 * 60,
      milliseconds: 24 * 60 * 60 * 1000
    },
    hours: {
      minutes: 60,
      seconds: 60 * 60,
      milliseconds: 60 * 60 * 1000
    },
    minutes: {
      seconds: 60,
      milliseconds: 60 * 1000
    },
    seconds: {
      milliseconds: 1000
    }
  },
  casualMatrix = {
    years: {
      quarters: 4,
      months: 12,
      weeks: 52,
      days: 365,
      hours: 365 * 24,
      minutes: 365 * 24 * 60,
      seconds: 365 * 24 * 60 * 60,
      milliseconds: 365 * 24 * 60 * 60 * 1000
    },
    quarters: {
      months: 3,
      weeks: 13,
      days: 91,
      hours: 91 * 24,
      minutes: 91 * 24 * 60,
      seconds: 91 * 24 * 60 * 60,
      milliseconds: 91 * 24 * 60 * 60 * 1000
    },
    months: {
      weeks: 4,
      days: 30,
      hours: 30 * 24,
      minutes: 30 * 24 * 60,
      seconds: 30 * 24 * 60 * 60,
      milliseconds: 30 * 24 * 60 * 60 * 1000
    },
    ...lowOrderMatrix
  },
  daysInYearAccurate = 146097.0 / 400,
  daysInMonthAccurate = 146097.0 / 4800,
  accurateMatrix = {
    years: {
      quarters: 4,
      months: 12,
      weeks: daysInYearAccurate / 7,
      days: daysInYearAccurate,
      hours: daysInYearAccurate * 24,
      minutes: daysInYearAccurate * 24 * 60,
      seconds: daysInYearAccurate * 24 * 60 * 60,
      milliseconds: daysInYearAccurate * 24 * 60 * 60 * 1000
    },
    quarters: {
      months: 3,
      weeks: daysInYearAccurate / 28,
      days: daysInYearAccurate / 4,
      hours: daysInYearAccurate * 24 / 4,
      minutes: daysInYearAccurate * 24 * 60 / 4,
      seconds: daysInYearAccurate * 24 * 60 * 60 / 4,
      milliseconds: daysInYearAccurate * 24 * 60 * 60 * 1000 / 4
    },
    months: {
      weeks: daysInMonthAccurate / 7,
      days: daysInMonthAccurate,
      hours: daysInMonthAccurate * 24,
      minutes: daysInMonthAccurate * 24 * 60,
      seconds: daysInMonthAccurate * 24 * 60 * 60,
      milliseconds: daysInMonthAccurate * 24 * 60 * 60 * 1000
    },
    ...lowOrderMatrix
  };

// units ordered by size
const orderedUnits$1 = ["years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds"];
const reverseUnits = orderedUnits$1.slice(0).reverse();

// clone really means "create another instance just like this one, but with these changes"
function clone$1(dur, alts, clear = false) {
  // deep merge for vals
  const conf = {
    values: clear ? alts.values : {
      ...dur.values,
      ...(alts.values || {})
    },
    loc: dur.loc.clone(alts.loc),
    conversionAccuracy: alts.conversionAccuracy || dur.conversionAccuracy,
    matrix: alts.matrix || dur.matrix
  };
  return new Duration(conf);
}
function durationToMillis(matrix, vals) {
  var _vals$milliseconds;
  let sum = (_vals$milliseconds = vals.milliseconds) != null ? _vals$milliseconds : 0;
  for (const unit of reverseUnits.slice(1)) {
    if (vals[unit]) {
      sum += vals[unit] * matrix[unit]["milliseconds"];
    }
  }
  return sum;
}

// NB: mutates parameters
function normalizeValues(matrix, vals) {
  // the logic below assumes the overall value of the duration is positive
  // if this is not the case, factor is used to make it so
  const factor = durationToMillis(matrix, vals) < 0 ? -1 : 1;
  orderedUnits$1.reduceRight((previous, current) => {
    if (!isUndefined(vals[current])) {
      if (previous) {
        const previousVal = vals[previous] * factor;
        const conv = matrix[current][previous];

        // if (previousVal < 0):
        // lower order unit is negative (e.g. { years: 2, days: -2 })
        // normalize this by reducing the higher order unit by the appropriate amount
        // and increasing the lower order unit
        // this can never make the higher order unit negative, because this function only operates
        // on positive durations, so the amount of time represented by the lower order unit cannot
        // be larger than the higher order unit
        // else:
        // lower order unit is positive (e.g. { years: 2, days: 450 } or { years: -2, days: 450 })
        // in this case we attempt to convert as much as possible from the lower order unit into
        // the higher order one
        //
        // Math.floor takes care of both of these cases, rounding away from 0
        // if previousVal < 0 it makes the absolute value larger
        // if previousVal >= it makes the absolute value smaller
        const rollUp = Math.floor(previousVal / conv);
        vals[current] += rollUp * factor;
        vals[previous] -= rollUp * conv * factor;
      }
      return current;
    } else {
      return previous;
    }
  }, null);

  // try to convert any decimals into smaller units if possible
  // for example for { years: 2.5, days: 0, seconds: 0 } we want to get { years: 2, days: 182, hours: 12 }
  orderedUnits$1.reduce((previous, current) => {
    if (!isUndefined(vals[current])) {
      if (previous) {
        const fraction = vals[previous] % 1;
        vals[previous] -= fraction;
        vals[current] += fraction * matrix[previous][current];
      }
      return current;
    } else {
      return previous;
    }
  }, null);
}

// Remove all properties with a value of 0 from an object
function removeZeroes(vals) {
  const newVals = {};
  for (const [key, value] of Object.entries(vals)) {
    if (value !== 0) {
      newVals[key] = value;
    }
  }
  return newVals;
}

/**
 * A Duration object represents a period of time, like "2 months" or "1 day, 1 hour". Conceptually, it's just a map of units to their quantities, accompanied by some additional configuration and methods for creating, parsing, interrogating, transforming, and formatting them. They can be used on their own or in conjunction with other Luxon types; for example, you can use {@link DateTime#plus} to add a Duration object to a DateTime, producing another DateTime.
 *
 * Here is a brief overview of commonly used methods and getters in Duration:
 *
 * * **Creation** To create a Duration, use {@link Duration.fromMillis}, {@link Duration.fromObject}, or {@link Duration.fromISO}.
 * * **Unit values** See the {@link Duration#years}, {@link Duration#months}, {@link Duration#weeks}, {@link Duration#days}, {@link Duration#hours}, {@link Duration#minutes}, {@link Duration#seconds}, {@link Duration#milliseconds} accessors.
 * * **Configuration** See  {@link Duration#locale} and {@link Duration#numberingSystem} accessors.
 * * **Transformation** To create new Durations out of old ones use {@link Duration#plus}, {@link Duration#minus}, {@link Duration#normalize}, {@link Duration#set}, {@link Duration#reconfigure}, {@link Duration#shiftTo}, and {@link Duration#negate}.
 * * **Output** To convert the Duration into other representations, see {@link Duration#as}, {@link Duration#toISO}, {@link Duration#toFormat}, and {@link Duration#toJSON}
 *
 * There's are more methods documented below. In addition, for more information on subtler topics like internationalization and validity, see the external documentation.
 */
class Duration {
  /**
   * @private
   */
  constructor(config) {
    const accurate = config.conversionAccuracy === "longterm" || false;
    let matrix = accurate ? accurateMatrix : casualMatrix;
    if (config.matrix) {
      matrix = config.matrix;
    }

    /**
     * @access private
     */
    this.values = config.values;
    /**
     * @access private
     */
    this.loc = config.loc || Locale.create();
    /**
     * @access private
     */
    this.conversionAccuracy = accurate ? "longterm" : "casual";
    /**
     * @access private
     */
    this.invalid = config.invalid || null;
    /**
     * @access private
     */
    this.matrix = matrix;
    /**
     * @access private
     */
    this.isLuxonDuration = true;
  }

  /**
   * Create Duration from a number of milliseconds.
   * @param {number} count of milliseconds
   * @param {Object} opts - options for parsing
   * @param {string} [opts.locale='en-US'] - the locale to use
   * @param {string} opts.numberingSystem - the numbering system to use
   * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
   * @return {Duration}
   */
  static fromMillis(count, opts) {
    return Duration.fromObject({
      milliseconds: count
    }, opts);
  }

  /**
   * Create a Duration from a JavaScript object with keys like 'years' and 'hours'.
   * If this object is empty then a zero milliseconds duration is returned.
   * @param {Object} obj - the object to create the DateTime from
   * @param {number} obj.years
   * @param {number} obj.quarters
   * @param {number} obj.months
   * @param {number} obj.weeks
   * @param {number} obj.days
   * @param {number} obj.hours
   * @param {number} obj.minutes
   * @param {number} obj.seconds
   * @param {number} obj.milliseconds
   * @param {Object} [opts=[]] - options for creating this Duration
   * @param {string} [opts.locale='en-US'] - the locale to use
   * @param {string} opts.numberingSystem - the numbering system to use
   * @param {string} [opts.conversionAccuracy='casual'] - the preset conversion system to use
   * @param {string} [opts.matrix=Object] - the custom conversion system to use
   * @return {Duration}
   */
  static fromObject(obj, opts = {}) {
    if (obj == null || typeof obj !== "object") {
      throw new InvalidArgumentError(`Duration.fromObject: argument expected to be an object, got ${obj === null ? "null" : typeof obj}`);
    }
    return new Duration({
      values: normalizeObject(obj, Duration.normalizeUnit),
      loc: Locale.fromObject(opts),
      conversionAccuracy: opts.conversionAccuracy,
      matrix: opts.matrix
    });
  }

  /**
   * Create a Duration from DurationLike.
   *
   * @param {Object | number | Duration} durationLike
   * One of:
   * - object with keys like 'years' and 'hours'.
   * - number representing milliseconds
   * - Duration instance
   * @return {Duration}
   */
  static fromDurationLike(durationLike) {
    if (isNumber(durationLike)) {
      return Duration.fromMillis(durationLike);
    } else if (Duration.isDuration(durationLike)) {
      return durationLike;
    } else if (typeof durationLike === "object") {
      return Duration.fromObject(durationLike);
    } else {
      throw new InvalidArgumentError(`Unknown duration argument ${durationLike} of type ${typeof durationLike}`);
    }
  }

  /**
   * Create a Duration from an ISO 8601 duration string.
   * @param {string} text - text to parse
   * @param {Object} opts - options for parsing
   * @param {string} [opts.locale='en-US'] - the locale to use
   * @param {string} opts.numberingSystem - the numbering system to use
   * @param {string} [opts.conversionAccuracy='casual'] - the preset conversion system to use
   * @param {string} [opts.matrix=Object] - the preset conversion system to use
   * @see https://en.wikipedia.org/wiki/ISO_8601#Durations
   * @example Duration.fromISO('P3Y6M1W4DT12H30M5S').toObject() //=> { years: 3, months: 6, weeks: 1, days: 4, hours: 12, minutes: 30, seconds: 5 }
   * @example Duration.fromISO('PT23H').toObject() //=> { hours: 23 }
   * @example Duration.fromISO('P5Y3M').toObject() //=> { years: 5, months: 3 }
   * @return {Duration}
   */
  static fromISO(text, opts) {
    const [parsed] = parseISODuration(text);
    if (parsed) {
      return Duration.fromObject(parsed, opts);
    } else {
      return Duration.invalid("unparsable", `the input "${text}" can't be parsed as ISO 8601`);
    }
  }

  /**
   * Create a Duration from an ISO 8601 time string.
   * @param {string} text - text to parse
   * @param {Object} opts - options for parsing
   * @param {string} [opts.locale='en-US'] - the locale to use
   * @param {string} opts.numberingSystem - the numbering system to use
   * @param {string} [opts.conversionAccuracy='casual'] - the preset conversion system to use
   * @param {string} [opts.matrix=Object] - the conversion system to use
   * @see https://en.wikipedia.org/wiki/ISO_8601#Times
   * @example Duration.fromISOTime('11:22:33.444').toObject() //=> { hours: 11, minutes: 22, seconds: 33, milliseconds: 444 }
   * @example Duration.fromISOTime('11:00').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
   * @example Duration.fromISOTime('T11:00').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
   * @example Duration.fromISOTime('1100').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
   * @example Duration.fromISOTime('T1100').toObject() //=> { hours: 11, minutes: 0, seconds: 0 }
   * @return {Duration}
   */
  static fromISOTime(text, opts) {
    const [parsed] = parseISOTimeOnly(text);
    if (parsed) {
      return Duration.fromObject(parsed, opts);
    } else {
      return Duration.invalid("unparsable", `the input "${text}" can't be parsed as ISO 8601`);
    }
  }

  /**
   * Create an invalid Duration.
   * @param {string} reason - simple string of why this datetime is invalid. Should not contain parameters or anything else data-dependent
   * @param {string} [explanation=null] - longer explanation, may include parameters and other useful debugging information
   * @return {Duration}
   */
  static invalid(reason, explanation = null) {
    if (!reason) {
      throw new InvalidArgumentError("need to specify a reason the Duration is invalid");
    }
    const invalid = reason instanceof Invalid ? reason : new Invalid(reason, explanation);
    if (Settings.throwOnInvalid) {
      throw new InvalidDurationError(invalid);
    } else {
      return new Duration({
        invalid
      });
    }
  }

  /**
   * @private
   */
  static normalizeUnit(unit) {
    const normalized = {
      year: "years",
      years: "years",
      quarter: "quarters",
      quarters: "quarters",
      month: "months",
      months: "months",
      week: "weeks",
      weeks: "weeks",
      day: "days",
      days: "days",
      hour: "hours",
      hours: "hours",
      minute: "minutes",
      minutes: "minutes",
      second: "seconds",
      seconds: "seconds",
      millisecond: "milliseconds",
      milliseconds: "milliseconds"
    }[unit ? unit.toLowerCase() : unit];
    if (!normalized) throw new InvalidUnitError(unit);
    return normalized;
  }

  /**
   * Check if an object is a Duration. Works across context boundaries
   * @param {object} o
   * @return {boolean}
   */
  static isDuration(o) {
    return o && o.isLuxonDuration || false;
  }

  /**
   * Get  the locale of a Duration, such 'en-GB'
   * @type {string}
   */
  get locale() {
    return this.isValid ? this.loc.locale : null;
  }

  /**
   * Get the numbering system of a Duration, such 'beng'. The numbering system is used when formatting the Duration
   *
   * @type {string}
   */
  get numberingSystem() {
    return this.isValid ? this.loc.numberingSystem : null;
  }

  /**
   * Returns a string representation of this Duration formatted according to the specified format string. You may use these tokens:
   * * `S` for milliseconds
   * * `s` for seconds
   * * `m` for minutes
   * * `h` for hours
   * * `d` for days
   * * `w` for weeks
   * * `M` for months
   * * `y` for years
   * Notes:
   * * Add padding by repeating the token, e.g. "yy" pads the years to two digits, "hhhh" pads the hours out to four digits
   * * Tokens can be escaped by wrapping with single quotes.
   * * The duration will be converted to the set of units in the format string using {@link Duration#shiftTo} and the Durations's conversion accuracy setting.
   * @param {string} fmt - the format string
   * @param {Object} opts - options
   * @param {boolean} [opts.floor=true] - floor numerical values
   * @param {'negative'|'all'|'negativeLargestOnly'} [opts.signMode=negative] - How to handle signs
   * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toFormat("y d s") //=> "1 6 2"
   * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toFormat("yy dd sss") //=> "01 06 002"
   * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toFormat("M S") //=> "12 518402000"
   * @example Duration.fromObject({ days: 6, seconds: 2 }).toFormat("d s", { signMode: "all" }) //=> "+6 +2"
   * @example Duration.fromObject({ days: -6, seconds: -2 }).toFormat("d s", { signMode: "all" }) //=> "-6 -2"
   * @example Duration.fromObject({ days: -6, seconds: -2 }).toFormat("d s", { signMode: "negativeLargestOnly" }) //=> "-6 2"
   * @return {string}
   */
  toFormat(fmt, opts = {}) {
    // reverse-compat since 1.2; we always round down now, never up, and we do it by default
    const fmtOpts = {
      ...opts,
      floor: opts.round !== false && opts.floor !== false
    };
    return this.isValid ? Formatter.create(this.loc, fmtOpts).formatDurationFromString(this, fmt) : INVALID$2;
  }

  /**
   * Returns a string representation of a Duration with all units included.
   * To modify its behavior, use `listStyle` and any Intl.NumberFormat option, though `unitDisplay` is especially relevant.
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat/NumberFormat#options
   * @param {Object} opts - Formatting options. Accepts the same keys as the options parameter of the native `Intl.NumberFormat` constructor, as well as `listStyle`.
   * @param {string} [opts.listStyle='narrow'] - How to format the merged list. Corresponds to the `style` property of the options parameter of the native `Intl.ListFormat` constructor.
   * @param {boolean} [opts.showZeros=true] - Show all units previously used by the duration even if they are zero
   * @example
   * ```js
   * var dur = Duration.fromObject({ months: 1, weeks: 0, hours: 5, minutes: 6 })
   * dur.toHuman() //=> '1 month, 0 weeks, 5 hours, 6 minutes'
   * dur.toHuman({ listStyle: "long" }) //=> '1 month, 0 weeks, 5 hours, and 6 minutes'
   * dur.toHuman({ unitDisplay: "short" }) //=> '1 mth, 0 wks, 5 hr, 6 min'
   * dur.toHuman({ showZeros: false }) //=> '1 month, 5 hours, 6 minutes'
   * ```
   */
  toHuman(opts = {}) {
    if (!this.isValid) return INVALID$2;
    const showZeros = opts.showZeros !== false;
    const l = orderedUnits$1.map(unit => {
      const val = this.values[unit];
      if (isUndefined(val) || val === 0 && !showZeros) {
        return null;
      }
      return this.loc.numberFormatter({
        style: "unit",
        unitDisplay: "long",
        ...opts,
        unit: unit.slice(0, -1)
      }).format(val);
    }).filter(n => n);
    return this.loc.listFormatter({
      type: "conjunction",
      style: opts.listStyle || "narrow",
      ...opts
    }).format(l);
  }

  /**
   * Returns a JavaScript object with this Duration's values.
   * @example Duration.fromObject({ years: 1, days: 6, seconds: 2 }).toObject() //=> { years: 1, days: 6, seconds: 2 }
   * @return {Object}
   */
  toObject() {
    if (!this.isValid) return {};
    return {
      ...this.values
    };
  }

  /**
   * Returns an ISO 8601-compliant string representation of this Duration.
   * @see https://en.wikipedia.org/wiki/ISO_8601#Durations
   * @example Duration.fromObject({ years: 3, seconds: 45 }).toISO() //=> 'P3YT45S'
   * @example Duration.fromObject({ months: 4, seconds: 45 }).toISO() //=> 'P4MT45S'
   * @example Duration.fromObject({ months: 5 }).toISO() //=> 'P5M'
   * @example Duration.fromObject({ minutes: 5 }).toISO() //=> 'PT5M'
   * @example Duration.fromObject({ milliseconds: 6 }).toISO() //=> 'PT0.006S'
   * @return {string}
   */
  toISO() {
    // we could use the formatter, but this is an easier way to get the minimum string
    if (!this.isValid) return null;
    let s = "P";
    if (this.years !== 0) s += this.years + "Y";
    if (this.months !== 0 || this.quarters !== 0) s += this.months + this.quarters * 3 + "M";
    if (this.weeks !== 0) s += this.weeks + "W";
    if (this.days !== 0) s += this.days + "D";
    if (this.hours !== 0 || this.minutes !== 0 || this.seconds !== 0 || this.milliseconds !== 0) s += "T";
    if (this.hours !== 0) s += this.hours + "H";
    if (this.minutes !== 0) s += this.minutes + "M";
    if (this.seconds !== 0 || this.milliseconds !== 0)
      // this will handle "floating point madness" by removing extra decimal places
      // https://stackoverflow.com/questions/588004/is-floating-point-math-broken
      s += roundTo(this.seconds + this.milliseconds / 1000, 3) + "S";
    if (s === "P") s += "T0S";
    return s;
  }

  /**
   * Returns an ISO 8601-compliant string representation of this Duration, formatted as a time of day.
   * Note that this will return null if the duration is invalid, negative, or equal to or greater than 24 hours.
   * @see https://en.wikipedia.org/wiki/ISO_8601#Times
   * @param {Object} opts - options
   * @param {boolean} [opts.suppressMilliseconds=false] - exclude milliseconds from the format if they're 0
   * @param {boolean} [opts.suppressSeconds=false] - exclude seconds from the format if they're 0
   * @param {boolean} [opts.includePrefix=false] - include the `T` prefix
   * @param {string} [opts.format='extended'] - choose between the basic and extended format
   * @example Duration.fromObject({ hours: 11 }).toISOTime() //=> '11:00:00.000'
   * @example Duration.fromObject({ hours: 11 }).toISOTime({ suppressMilliseconds: true }) //=> '11:00:00'
   * @example Duration.fromObject({ hours: 11 }).toISOTime({ suppressSeconds: true }) //=> '11:00'
   * @example Duration.fromObject({ hours: 11 }).toISOTime({ includePrefix: true }) //=> 'T11:00:00.000'
   * @example Duration.fromObject({ hours: 11 }).toISOTime({ format: 'basic' }) //=> '110000.000'
   * @return {string}
   */
  toISOTime(opts = {}) {
    if (!this.isValid) return null;
    const millis = this.toMillis();
    if (millis < 0 || millis >= 86400000) return null;
    opts = {
      suppressMilliseconds: false,
      suppressSeconds: false,
      includePrefix: false,
      format: "extended",
      ...opts,
      includeOffset: false
    };
    const dateTime = DateTime.fromMillis(millis, {
      zone: "UTC"
    });
    return dateTime.toISOTime(opts);
  }

  /**
   * Returns an ISO 8601 representation of this Duration appropriate for use in JSON.
   * @return {string}
   */
  toJSON() {
    return this.toISO();
  }

  /**
   * Returns an ISO 8601 representation of this Duration appropriate for use in debugging.
   * @return {string}
   */
  toString() {
    return this.toISO();
  }

  /**
   * Returns a string representation of this Duration appropriate for the REPL.
   * @return {string}
   */
  [Symbol.for("nodejs.util.inspect.custom")]() {
    if (this.isValid) {
      return `Duration { values: ${JSON.stringify(this.values)} }`;
    } else {
      return `Duration { Invalid, reason: ${this.invalidReason} }`;
    }
  }

  /**
   * Returns an milliseconds value of this Duration.
   * @return {number}
   */
  toMillis() {
    if (!this.isValid) return NaN;
    return durationToMillis(this.matrix, this.values);
  }

  /**
   * Returns an milliseconds value of this Duration. Alias of {@link toMillis}
   * @return {number}
   */
  valueOf() {
    return this.toMillis();
  }

  /**
   * Make this Duration longer by the specified amount. Return a newly-constructed Duration.
   * @param {Duration|Object|number} duration - The amount to add. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
   * @return {Duration}
   */
  plus(duration) {
    if (!this.isValid) return this;
    const dur = Duration.fromDurationLike(duration),
      result = {};
    for (const k of orderedUnits$1) {
      if (hasOwnProperty(dur.values, k) || hasOwnProperty(this.values, k)) {
        result[k] = dur.get(k) + this.get(k);
      }
    }
    return clone$1(this, {
      values: result
    }, true);
  }

  /**
   * Make this Duration shorter by the specified amount. Return a newly-constructed Duration.
   * @param {Duration|Object|number} duration - The amount to subtract. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
   * @return {Duration}
   */
  minus(duration) {
    if (!this.isValid) return this;
    const dur = Duration.fromDurationLike(duration);
    return this.plus(dur.negate());
  }

  /**
   * Scale this Duration by the specified amount. Return a newly-constructed Duration.
   * @param {function} fn - The function to apply to each unit. Arity is 1 or 2: the value of the unit and, optionally, the unit name. Must return a number.
   * @example Duration.fromObject({ hours: 1, minutes: 30 }).mapUnits(x => x * 2) //=> { hours: 2, minutes: 60 }
   * @example Duration.fromObject({ hours: 1, minutes: 30 }).mapUnits((x, u) => u === "hours" ? x * 2 : x) //=> { hours: 2, minutes: 30 }
   * @return {Duration}
   */
  mapUnits(fn) {
    if (!this.isValid) return this;
    const result = {};
    for (const k of Object.keys(this.values)) {
      result[k] = asNumber(fn(this.values[k], k));
    }
    return clone$1(this, {
      values: result
    }, true);
  }

  /**
   * Get the value of unit.
   * @param {string} unit - a unit such as 'minute' or 'day'
   * @example Duration.fromObject({years: 2, days: 3}).get('years') //=> 2
   * @example Duration.fromObject({years: 2, days: 3}).get('months') //=> 0
   * @example Duration.fromObject({years: 2, days: 3}).get('days') //=> 3
   * @return {number}
   */
  get(unit) {
    return this[Duration.normalizeUnit(unit)];
  }

  /**
   * "Set" the values of specified units. Return a newly-constructed Duration.
   * @param {Object} values - a mapping of units to numbers
   * @example dur.set({ years: 2017 })
   * @example dur.set({ hours: 8, minutes: 30 })
   * @return {Duration}
   */
  set(values) {
    if (!this.isValid) return this;
    const mixed = {
      ...this.values,
      ...normalizeObject(values, Duration.normalizeUnit)
    };
    return clone$1(this, {
      values: mixed
    });
  }

  /**
   * "Set" the locale and/or numberingSystem.  Returns a newly-constructed Duration.
   * @example dur.reconfigure({ locale: 'en-GB' })
   * @return {Duration}
   */
  reconfigure({
    locale,
    numberingSystem,
    conversionAccuracy,
    matrix
  } = {}) {
    const loc = this.loc.clone({
      locale,
      numberingSystem
    });
    const opts = {
      loc,
      matrix,
      conversionAccuracy
    };
    return clone$1(this, opts);
  }

  /**
   * Return the length of the duration in the specified unit.
   * @param {string} unit - a unit such as 'minutes' or 'days'
   * @example Duration.fromObject({years: 1}).as('days') //=> 365
   * @example Duration.fromObject({years: 1}).as('months') //=> 12
   * @example Duration.fromObject({hours: 60}).as('days') //=> 2.5
   * @return {number}
   */
  as(unit) {
    return this.isValid ? this.shiftTo(unit).get(unit) : NaN;
  }

  /**
   * Reduce this Duration to its canonical representation in its current units.
   * Assuming the overall value of the Duration is positive, this means:
   * - excessive values for lower-order units are converted to higher-order units (if possible, see first and second example)
   * - negative lower-order units are converted to higher order units (there must be such a higher order unit, otherwise
   *   the overall value would be negative, see third example)
   * - fractional values for higher-order units are converted to lower-order units (if possible, see fourth example)
   *
   * If the overall value is negative, the result of this method is equivalent to `this.negate().normalize().negate()`.
   * @example Duration.fromObject({ years: 2, days: 5000 }).normalize().toObject() //=> { years: 15, days: 255 }
   * @example Duration.fromObject({ days: 5000 }).normalize().toObject() //=> { days: 5000 }
   * @example Duration.fromObject({ hours: 12, minutes: -45 }).normalize().toObject() //=> { hours: 11, minutes: 15 }
   * @example Duration.fromObject({ years: 2.5, days: 0, hours: 0 }).normalize().toObject() //=> { years: 2, days: 182, hours: 12 }
   * @return {Duration}
   */
  normalize() {
    if (!this.isValid) return this;
    const vals = this.toObject();
    normalizeValues(this.matrix, vals);
    return clone$1(this, {
      values: vals
    }, true);
  }

  /**
   * Rescale units to its largest representation
   * @example Duration.fromObject({ milliseconds: 90000 }).rescale().toObject() //=> { minutes: 1, seconds: 30 }
   * @return {Duration}
   */
  rescale() {
    if (!this.isValid) return this;
    const vals = removeZeroes(this.normalize().shiftToAll().toObject());
    return clone$1(this, {
      values: vals
    }, true);
  }

  /**
   * Convert this Duration into its representation in a different set of units.
   * @example Duration.fromObject({ hours: 1, seconds: 30 }).shiftTo('minutes', 'milliseconds').toObject() //=> { minutes: 60, milliseconds: 30000 }
   * @return {Duration}
   */
  shiftTo(...units) {
    if (!this.isValid) return this;
    if (units.length === 0) {
      return this;
    }
    units = units.map(u => Duration.normalizeUnit(u));
    const built = {},
      accumulated = {},
      vals = this.toObject();
    let lastUnit;
    for (const k of orderedUnits$1) {
      if (units.indexOf(k) >= 0) {
        lastUnit = k;
        let own = 0;

        // anything we haven't boiled down yet should get boiled to this unit
        for (const ak in accumulated) {
          own += this.matrix[ak][k] * accumulated[ak];
          accumulated[ak] = 0;
        }

        // plus anything that's already in this unit
        if (isNumber(vals[k])) {
          own += vals[k];
        }

        // only keep the integer part for now in the hopes of putting any decimal part
        // into a smaller unit later
        const i = Math.trunc(own);
        built[k] = i;
        accumulated[k] = (own * 1000 - i * 1000) / 1000;

        // otherwise, keep it in the wings to boil it later
      } else if (isNumber(vals[k])) {
        accumulated[k] = vals[k];
      }
    }

    // anything leftover becomes the decimal for the last unit
    // lastUnit must be defined since units is not empty
    for (const key in accumulated) {
      if (accumulated[key] !== 0) {
        built[lastUnit] += key === lastUnit ? accumulated[key] : accumulated[key] / this.matrix[lastUnit][key];
      }
    }
    normalizeValues(this.matrix, built);
    return clone$1(this, {
      values: built
    }, true);
  }

  /**
   * Shift this Duration to all available units.
   * Same as shiftTo("years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds")
   * @return {Duration}
   */
  shiftToAll() {
    if (!this.isValid) return this;
    return this.shiftTo("years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds");
  }

  /**
   * Return the negative of this Duration.
   * @example Duration.fromObject({ hours: 1, seconds: 30 }).negate().toObject() //=> { hours: -1, seconds: -30 }
   * @return {Duration}
   */
  negate() {
    if (!this.isValid) return this;
    const negated = {};
    for (const k of Object.keys(this.values)) {
      negated[k] = this.values[k] === 0 ? 0 : -this.values[k];
    }
    return clone$1(this, {
      values: negated
    }, true);
  }

  /**
   * Removes all units with values equal to 0 from this Duration.
   * @example Duration.fromObject({ years: 2, days: 0, hours: 0, minutes: 0 }).removeZeros().toObject() //=> { years: 2 }
   * @return {Duration}
   */
  removeZeros() {
    if (!this.isValid) return this;
    const vals = removeZeroes(this.values);
    return clone$1(this, {
      values: vals
    }, true);
  }

  /**
   * Get the years.
   * @type {number}
   */
  get years() {
    return this.isValid ? this.values.years || 0 : NaN;
  }

  /**
   * Get the quarters.
   * @type {number}
   */
  get quarters() {
    return this.isValid ? this.values.quarters || 0 : NaN;
  }

  /**
   * Get the months.
   * @type {number}
   */
  get months() {
    return this.isValid ? this.values.months || 0 : NaN;
  }

  /**
   * Get the weeks
   * @type {number}
   */
  get weeks() {
    return this.isValid ? this.values.weeks || 0 : NaN;
  }

  /**
   * Get the days.
   * @type {number}
   */
  get days() {
    return this.isValid ? this.values.days || 0 : NaN;
  }

  /**
   * Get the hours.
   * @type {number}
   */
  get hours() {
    return this.isValid ? this.values.hours || 0 : NaN;
  }

  /**
   * Get the minutes.
   * @type {number}
   */
  get minutes() {
    return this.isValid ? this.values.minutes || 0 : NaN;
  }

  /**
   * Get the seconds.
   * @return {number}
   */
  get seconds() {
    return this.isValid ? this.values.seconds || 0 : NaN;
  }

  /**
   * Get the milliseconds.
   * @return {number}
   */
  get milliseconds() {
    return this.isValid ? this.values.milliseconds || 0 : NaN;
  }

  /**
   * Returns whether the Duration is invalid. Invalid durations are returned by diff operations
   * on invalid DateTimes or Intervals.
   * @return {boolean}
   */
  get isValid() {
    return this.invalid === null;
  }

  /**
   * Returns an error code if this Duration became invalid, or null if the Duration is valid
   * @return {string}
   */
  get invalidReason() {
    return this.invalid ? this.invalid.reason : null;
  }

  /**
   * Returns an explanation of why this Duration became invalid, or null if the Duration is valid
   * @type {string}
   */
  get invalidExplanation() {
    return this.invalid ? this.invalid.explanation : null;
  }

  /**
   * Equality check
   * Two Durations are equal iff they have the same units and the same values for each unit.
   * @param {Duration} other
   * @return {boolean}
   */
  equals(other) {
    if (!this.isValid || !other.isValid) {
      return false;
    }
    if (!this.loc.equals(other.loc)) {
      return false;
    }
    function eq(v1, v2) {
      // Consider 0 and undefined as equal
      if (v1 === undefined || v1 === 0) return v2 === undefined || v2 === 0;
      return v1 === v2;
    }
    for (const u of orderedUnits$1) {
      if (!eq(this.values[u], other.values[u])) {
        return false;
      }
    }
    return true;
  }
}

const INVALID$1 = "Invalid Interval";

// checks if the start is equal to or before the end
function validateStartEnd(start, end) {
  if (!start || !start.isValid) {
    return Interval.invalid("missing or invalid start");
  } else if (!end || !end.isValid) {
    return Interval.invalid("missing or invalid end");
  } else if (end < start) {
    return Interval.invalid("end before start", `The end of an interval must be after its start, but you had start=${start.toISO()} and end=${end.toISO()}`);
  } else {
    return null;
  }
}

/**
 * An Interval object represents a half-open interval of time, where each endpoint is a {@link DateTime}. Conceptually, it's a container for those two endpoints, accompanied by methods for creating, parsing, interrogating, comparing, transforming, and formatting them.
 *
 * Here is a brief overview of the most commonly used methods and getters in Interval:
 *
 * * **Creation** To create an Interval, use {@link Interval.fromDateTimes}, {@link Interval.after}, {@link Interval.before}, or {@link Interval.fromISO}.
 * * **Accessors** Use {@link Interval#start} and {@link Interval#end} to get the start and end.
 * * **Interrogation** To analyze the Interval, use {@link Interval#count}, {@link Interval#length}, {@link Interval#hasSame}, {@link Interval#contains}, {@link Interval#isAfter}, or {@link Interval#isBefore}.
 * * **Transformation** To create other Intervals out of this one, use {@link Interval#set}, {@link Interval#splitAt}, {@link Interval#splitBy}, {@link Interval#divideEqually}, {@link Interval.merge}, {@link Interval.xor}, {@link Interval#union}, {@link Interval#intersection}, or {@link Interval#difference}.
 * * **Comparison** To compare this Interval to another one, use {@link Interval#equals}, {@link Interval#overlaps}, {@link Interval#abutsStart}, {@link Interval#abutsEnd}, {@link Interval#engulfs}
 * * **Output** To convert the Interval into other representations, see {@link Interval#toString}, {@link Interval#toLocaleString}, {@link Interval#toISO}, {@link Interval#toISODate}, {@link Interval#toISOTime}, {@link Interval#toFormat}, and {@link Interval#toDuration}.
 */
class Interval {
  /**
   * @private
   */
  constructor(config) {
    /**
     * @access private
     */
    this.s = config.start;
    /**
     * @access private
     */
    this.e = config.end;
    /**
     * @access private
     */
    this.invalid = config.invalid || null;
    /**
     * @access private
     */
    this.isLuxonInterval = true;
  }

  /**
   * Create an invalid Interval.
   * @param {string} reason - simple string of why this Interval is invalid. Should not contain parameters or anything else data-dependent
   * @param {string} [explanation=null] - longer explanation, may include parameters and other useful debugging information
   * @return {Interval}
   */
  static invalid(reason, explanation = null) {
    if (!reason) {
      throw new InvalidArgumentError("need to specify a reason the Interval is invalid");
    }
    const invalid = reason instanceof Invalid ? reason : new Invalid(reason, explanation);
    if (Settings.throwOnInvalid) {
      throw new InvalidIntervalError(invalid);
    } else {
      return new Interval({
        invalid
      });
    }
  }

  /**
   * Create an Interval from a start DateTime and an end DateTime. Inclusive of the start but not the end.
   * @param {DateTime|Date|Object} start
   * @param {DateTime|Date|Object} end
   * @return {Interval}
   */
  static fromDateTimes(start, end) {
    const builtStart = friendlyDateTime(start),
      builtEnd = friendlyDateTime(end);
    const validateError = validateStartEnd(builtStart, builtEnd);
    if (validateError == null) {
      return new Interval({
        start: builtStart,
        end: builtEnd
      });
    } else {
      return validateError;
    }
  }

  /**
   * Create an Interval from a start DateTime and a Duration to extend to.
   * @param {DateTime|Date|Object} start
   * @param {Duration|Object|number} duration - the length of the Interval.
   * @return {Interval}
   */
  static after(start, duration) {
    const dur = Duration.fromDurationLike(duration),
      dt = friendlyDateTime(start);
    return Interval.fromDateTimes(dt, dt.plus(dur));
  }

  /**
   * Create an Interval from an end DateTime and a Duration to extend backwards to.
   * @param {DateTime|Date|Object} end
   * @param {Duration|Object|number} duration - the length of the Interval.
   * @return {Interval}
   */
  static before(end, duration) {
    const dur = Duration.fromDurationLike(duration),
      dt = friendlyDateTime(end);
    return Interval.fromDateTimes(dt.minus(dur), dt);
  }

  /**
   * Create an Interval from an ISO 8601 string.
   * Accepts `<start>/<end>`, `<start>/<duration>`, and `<duration>/<end>` formats.
   * @param {string} text - the ISO string to parse
   * @param {Object} [opts] - options to pass {@link DateTime#fromISO} and optionally {@link Duration#fromISO}
   * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
   * @return {Interval}
   */
  static fromISO(text, opts) {
    const [s, e] = (text || "").split("/", 2);
    if (s && e) {
      let start, startIsValid;
      try {
        start = DateTime.fromISO(s, opts);
        startIsValid = start.isValid;
      } catch (e) {
        startIsValid = false;
      }
      let end, endIsValid;
      try {
        end = DateTime.fromISO(e, opts);
        endIsValid = end.isValid;
      } catch (e) {
        endIsValid = false;
      }
      if (startIsValid && endIsValid) {
        return Interval.fromDateTimes(start, end);
      }
      if (startIsValid) {
        const dur = Duration.fromISO(e, opts);
        if (dur.isValid) {
          return Interval.after(start, dur);
        }
      } else if (endIsValid) {
        const dur = Duration.fromISO(s, opts);
        if (dur.isValid) {
          return Interval.before(end, dur);
        }
      }
    }
    return Interval.invalid("unparsable", `the input "${text}" can't be parsed as ISO 8601`);
  }

  /**
   * Check if an object is an Interval. Works across context boundaries
   * @param {object} o
   * @return {boolean}
   */
  static isInterval(o) {
    return o && o.isLuxonInterval || false;
  }

  /**
   * Returns the start of the Interval
   * @type {DateTime}
   */
  get start() {
    return this.isValid ? this.s : null;
  }

  /**
   * Returns the end of the Interval. This is the first instant which is not part of the interval
   * (Interval is half-open).
   * @type {DateTime}
   */
  get end() {
    return this.isValid ? this.e : null;
  }

  /**
   * Returns the last DateTime included in the interval (since end is not part of the interval)
   * @type {DateTime}
   */
  get lastDateTime() {
    return this.isValid ? this.e ? this.e.minus(1) : null : null;
  }

  /**
   * Returns whether this Interval's end is at least its start, meaning that the Interval isn't 'backwards'.
   * @type {boolean}
   */
  get isValid() {
    return this.invalidReason === null;
  }

  /**
   * Returns an error code if this Interval is invalid, or null if the Interval is valid
   * @type {string}
   */
  get invalidReason() {
    return this.invalid ? this.invalid.reason : null;
  }

  /**
   * Returns an explanation of why this Interval became invalid, or null if the Interval is valid
   * @type {string}
   */
  get invalidExplanation() {
    return this.invalid ? this.invalid.explanation : null;
  }

  /**
   * Returns the length of the Interval in the specified unit.
   * @param {string} unit - the unit (such as 'hours' or 'days') to return the length in.
   * @return {number}
   */
  length(unit = "milliseconds") {
    return this.isValid ? this.toDuration(...[unit]).get(unit) : NaN;
  }

  /**
   * Returns the count of minutes, hours, days, months, or years included in the Interval, even in part.
   * Unlike {@link Interval#length} this counts sections of the calendar, not periods of time, e.g. specifying 'day'
   * asks 'what dates are included in this interval?', not 'how many days long is this interval?'
   * @param {string} [unit='milliseconds'] - the unit of time to count.
   * @param {Object} opts - options
   * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week; this operation will always use the locale of the start DateTime
   * @return {number}
   */
  count(unit = "milliseconds", opts) {
    if (!this.isValid) return NaN;
    const start = this.start.startOf(unit, opts);
    let end;
    if (opts != null && opts.useLocaleWeeks) {
      end = this.end.reconfigure({
        locale: start.locale
      });
    } else {
      end = this.end;
    }
    end = end.startOf(unit, opts);
    return Math.floor(end.diff(start, unit).get(unit)) + (end.valueOf() !== this.end.valueOf());
  }

  /**
   * Returns whether this Interval's start and end are both in the same unit of time
   * @param {string} unit - the unit of time to check sameness on
   * @return {boolean}
   */
  hasSame(unit) {
    return this.isValid ? this.isEmpty() || this.e.minus(1).hasSame(this.s, unit) : false;
  }

  /**
   * Return whether this Interval has the same start and end DateTimes.
   * @return {boolean}
   */
  isEmpty() {
    return this.s.valueOf() === this.e.valueOf();
  }

  /**
   * Return whether this Interval's start is after the specified DateTime.
   * @param {DateTime} dateTime
   * @return {boolean}
   */
  isAfter(dateTime) {
    if (!this.isValid) return false;
    return this.s > dateTime;
  }

  /**
   * Return whether this Interval's end is before the specified DateTime.
   * @param {DateTime} dateTime
   * @return {boolean}
   */
  isBefore(dateTime) {
    if (!this.isValid) return false;
    return this.e <= dateTime;
  }

  /**
   * Return whether this Interval contains the specified DateTime.
   * @param {DateTime} dateTime
   * @return {boolean}
   */
  contains(dateTime) {
    if (!this.isValid) return false;
    return this.s <= dateTime && this.e > dateTime;
  }

  /**
   * "Sets" the start and/or end dates. Returns a newly-constructed Interval.
   * @param {Object} values - the values to set
   * @param {DateTime} values.start - the starting DateTime
   * @param {DateTime} values.end - the ending DateTime
   * @return {Interval}
   */
  set({
    start,
    end
  } = {}) {
    if (!this.isValid) return this;
    return Interval.fromDateTimes(start || this.s, end || this.e);
  }

  /**
   * Split this Interval at each of the specified DateTimes
   * @param {...DateTime} dateTimes - the unit of time to count.
   * @return {Array}
   */
  splitAt(...dateTimes) {
    if (!this.isValid) return [];
    const sorted = dateTimes.map(friendlyDateTime).filter(d => this.contains(d)).sort((a, b) => a.toMillis() - b.toMillis()),
      results = [];
    let {
        s
      } = this,
      i = 0;
    while (s < this.e) {
      const added = sorted[i] || this.e,
        next = +added > +this.e ? this.e : added;
      results.push(Interval.fromDateTimes(s, next));
      s = next;
      i += 1;
    }
    return results;
  }

  /**
   * Split this Interval into smaller Intervals, each of the specified length.
   * Left over time is grouped into a smaller interval
   * @param {Duration|Object|number} duration - The length of each resulting interval.
   * @return {Array}
   */
  splitBy(duration) {
    const dur = Duration.fromDurationLike(duration);
    if (!this.isValid || !dur.isValid || dur.as("milliseconds") === 0) {
      return [];
    }
    let {
        s
      } = this,
      idx = 1,
      next;
    const results = [];
    while (s < this.e) {
      const added = this.start.plus(dur.mapUnits(x => x * idx));
      next = +added > +this.e ? this.e : added;
      results.push(Interval.fromDateTimes(s, next));
      s = next;
      idx += 1;
    }
    return results;
  }

  /**
   * Split this Interval into the specified number of smaller intervals.
   * @param {number} numberOfParts - The number of Intervals to divide the Interval into.
   * @return {Array}
   */
  divideEqually(numberOfParts) {
    if (!this.isValid) return [];
    return this.splitBy(this.length() / numberOfParts).slice(0, numberOfParts);
  }

  /**
   * Return whether this Interval overlaps with the specified Interval
   * @param {Interval} other
   * @return {boolean}
   */
  overlaps(other) {
    return this.e > other.s && this.s < other.e;
  }

  /**
   * Return whether this Interval's end is adjacent to the specified Interval's start.
   * @param {Interval} other
   * @return {boolean}
   */
  abutsStart(other) {
    if (!this.isValid) return false;
    return +this.e === +other.s;
  }

  /**
   * Return whether this Interval's start is adjacent to the specified Interval's end.
   * @param {Interval} other
   * @return {boolean}
   */
  abutsEnd(other) {
    if (!this.isValid) return false;
    return +other.e === +this.s;
  }

  /**
   * Returns true if this Interval fully contains the specified Interval, specifically if the intersect (of this Interval and the other Interval) is equal to the other Interval; false otherwise.
   * @param {Interval} other
   * @return {boolean}
   */
  engulfs(other) {
    if (!this.isValid) return false;
    return this.s <= other.s && this.e >= other.e;
  }

  /**
   * Return whether this Interval has the same start and end as the specified Interval.
   * @param {Interval} other
   * @return {boolean}
   */
  equals(other) {
    if (!this.isValid || !other.isValid) {
      return false;
    }
    return this.s.equals(other.s) && this.e.equals(other.e);
  }

  /**
   * Return an Interval representing the intersection of this Interval and the specified Interval.
   * Specifically, the resulting Interval has the maximum start time and the minimum end time of the two Intervals.
   * Returns null if the intersection is empty, meaning, the intervals don't intersect.
   * @param {Interval} other
   * @return {Interval}
   */
  intersection(other) {
    if (!this.isValid) return this;
    const s = this.s > other.s ? this.s : other.s,
      e = this.e < other.e ? this.e : other.e;
    if (s >= e) {
      return null;
    } else {
      return Interval.fromDateTimes(s, e);
    }
  }

  /**
   * Return an Interval representing the union of this Interval and the specified Interval.
   * Specifically, the resulting Interval has the minimum start time and the maximum end time of the two Intervals.
   * @param {Interval} other
   * @return {Interval}
   */
  union(other) {
    if (!this.isValid) return this;
    const s = this.s < other.s ? this.s : other.s,
      e = this.e > other.e ? this.e : other.e;
    return Interval.fromDateTimes(s, e);
  }

  /**
   * Merge an array of Intervals into an equivalent minimal set of Intervals.
   * Combines overlapping and adjacent Intervals.
   * The resulting array will contain the Intervals in ascending order, that is, starting with the earliest Interval
   * and ending with the latest.
   *
   * @param {Array} intervals
   * @return {Array}
   */
  static merge(intervals) {
    const [found, final] = intervals.sort((a, b) => a.s - b.s).reduce(([sofar, current], item) => {
      if (!current) {
        return [sofar, item];
      } else if (current.overlaps(item) || current.abutsStart(item)) {
        return [sofar, current.union(item)];
      } else {
        return [sofar.concat([current]), item];
      }
    }, [[], null]);
    if (final) {
      found.push(final);
    }
    return found;
  }

  /**
   * Return an array of Intervals representing the spans of time that only appear in one of the specified Intervals.
   * @param {Array} intervals
   * @return {Array}
   */
  static xor(intervals) {
    let start = null,
      currentCount = 0;
    const results = [],
      ends = intervals.map(i => [{
        time: i.s,
        type: "s"
      }, {
        time: i.e,
        type: "e"
      }]),
      flattened = Array.prototype.concat(...ends),
      arr = flattened.sort((a, b) => a.time - b.time);
    for (const i of arr) {
      currentCount += i.type === "s" ? 1 : -1;
      if (currentCount === 1) {
        start = i.time;
      } else {
        if (start && +start !== +i.time) {
          results.push(Interval.fromDateTimes(start, i.time));
        }
        start = null;
      }
    }
    return Interval.merge(results);
  }

  /**
   * Return an Interval representing the span of time in this Interval that doesn't overlap with any of the specified Intervals.
   * @param {...Interval} intervals
   * @return {Array}
   */
  difference(...intervals) {
    return Interval.xor([this].concat(intervals)).map(i => this.intersection(i)).filter(i => i && !i.isEmpty());
  }

  /**
   * Returns a string representation of this Interval appropriate for debugging.
   * @return {string}
   */
  toString() {
    if (!this.isValid) return INVALID$1;
    return `[${this.s.toISO()} – ${this.e.toISO()})`;
  }

  /**
   * Returns a string representation of this Interval appropriate for the REPL.
   * @return {string}
   */
  [Symbol.for("nodejs.util.inspect.custom")]() {
    if (this.isValid) {
      return `Interval { start: ${this.s.toISO()}, end: ${this.e.toISO()} }`;
    } else {
      return `Interval { Invalid, reason: ${this.invalidReason} }`;
    }
  }

  /**
   * Returns a localized string representing this Interval. Accepts the same options as the
   * Intl.DateTimeFormat constructor and any presets defined by Luxon, such as
   * {@link DateTime.DATE_FULL} or {@link DateTime.TIME_SIMPLE}. The exact behavior of this method
   * is browser-specific, but in general it will return an appropriate representation of the
   * Interval in the assigned locale. Defaults to the system's locale if no locale has been
   * specified.
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
   * @param {Object} [formatOpts=DateTime.DATE_SHORT] - Either a DateTime preset or
   * Intl.DateTimeFormat constructor options.
   * @param {Object} opts - Options to override the configuration of the start DateTime.
   * @example Interval.fromISO('2022-11-07T09:00Z/2022-11-08T09:00Z').toLocaleString(); //=> 11/7/2022 – 11/8/2022
   * @example Interval.fromISO('2022-11-07T09:00Z/2022-11-08T09:00Z').toLocaleString(DateTime.DATE_FULL); //=> November 7 – 8, 2022
   * @example Interval.fromISO('2022-11-07T09:00Z/2022-11-08T09:00Z').toLocaleString(DateTime.DATE_FULL, { locale: 'fr-FR' }); //=> 7–8 novembre 2022
   * @example Interval.fromISO('2022-11-07T17:00Z/2022-11-07T19:00Z').toLocaleString(DateTime.TIME_SIMPLE); //=> 6:00 – 8:00 PM
   * @example Interval.fromISO('2022-11-07T17:00Z/2022-11-07T19:00Z').toLocaleString({ weekday: 'short', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }); //=> Mon, Nov 07, 6:00 – 8:00 p
   * @return {string}
   */
  toLocaleString(formatOpts = DATE_SHORT, opts = {}) {
    return this.isValid ? Formatter.create(this.s.loc.clone(opts), formatOpts).formatInterval(this) : INVALID$1;
  }

  /**
   * Returns an ISO 8601-compliant string representation of this Interval.
   * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
   * @param {Object} opts - The same options as {@link DateTime#toISO}
   * @return {string}
   */
  toISO(opts) {
    if (!this.isValid) return INVALID$1;
    return `${this.s.toISO(opts)}/${this.e.toISO(opts)}`;
  }

  /**
   * Returns an ISO 8601-compliant string representation of date of this Interval.
   * The time components are ignored.
   * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
   * @return {string}
   */
  toISODate() {
    if (!this.isValid) return INVALID$1;
    return `${this.s.toISODate()}/${this.e.toISODate()}`;
  }

  /**
   * Returns an ISO 8601-compliant string representation of time of this Interval.
   * The date components are ignored.
   * @see https://en.wikipedia.org/wiki/ISO_8601#Time_intervals
   * @param {Object} opts - The same options as {@link DateTime#toISO}
   * @return {string}
   */
  toISOTime(opts) {
    if (!this.isValid) return INVALID$1;
    return `${this.s.toISOTime(opts)}/${this.e.toISOTime(opts)}`;
  }

  /**
   * Returns a string representation of this Interval formatted according to the specified format
   * string. **You may not want this.** See {@link Interval#toLocaleString} for a more flexible
   * formatting tool.
   * @param {string} dateFormat - The format string. This string formats the start and end time.
   * See {@link DateTime#toFormat} for details.
   * @param {Object} opts - Options.
   * @param {string} [opts.separator =  ' – '] - A separator to place between the start and end
   * representations.
   * @return {string}
   */
  toFormat(dateFormat, {
    separator = " – "
  } = {}) {
    if (!this.isValid) return INVALID$1;
    return `${this.s.toFormat(dateFormat)}${separator}${this.e.toFormat(dateFormat)}`;
  }

  /**
   * Return a Duration representing the time spanned by this interval.
   * @param {string|string[]} [unit=['milliseconds']] - the unit or units (such as 'hours' or 'days') to include in the duration.
   * @param {Object} opts - options that affect the creation of the Duration
   * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
   * @example Interval.fromDateTimes(dt1, dt2).toDuration().toObject() //=> { milliseconds: 88489257 }
   * @example Interval.fromDateTimes(dt1, dt2).toDuration('days').toObject() //=> { days: 1.0241812152777778 }
   * @example Interval.fromDateTimes(dt1, dt2).toDuration(['hours', 'minutes']).toObject() //=> { hours: 24, minutes: 34.82095 }
   * @example Interval.fromDateTimes(dt1, dt2).toDuration(['hours', 'minutes', 'seconds']).toObject() //=> { hours: 24, minutes: 34, seconds: 49.257 }
   * @example Interval.fromDateTimes(dt1, dt2).toDuration('seconds').toObject() //=> { seconds: 88489.257 }
   * @return {Duration}
   */
  toDuration(unit, opts) {
    if (!this.isValid) {
      return Duration.invalid(this.invalidReason);
    }
    return this.e.diff(this.s, unit, opts);
  }

  /**
   * Run mapFn on the interval start and end, returning a new Interval from the resulting DateTimes
   * @param {function} mapFn
   * @return {Interval}
   * @example Interval.fromDateTimes(dt1, dt2).mapEndpoints(endpoint => endpoint.toUTC())
   * @example Interval.fromDateTimes(dt1, dt2).mapEndpoints(endpoint => endpoint.plus({ hours: 2 }))
   */
  mapEndpoints(mapFn) {
    return Interval.fromDateTimes(mapFn(this.s), mapFn(this.e));
  }
}

/**
 * The Info class contains static methods for retrieving general time and date related data. For example, it has methods for finding out if a time zone has a DST, for listing the months in any supported locale, and for discovering which of Luxon features are available in the current environment.
 */
class Info {
  /**
   * Return whether the specified zone contains a DST.
   * @param {string|Zone} [zone='local'] - Zone to check. Defaults to the environment's local zone.
   * @return {boolean}
   */
  static hasDST(zone = Settings.defaultZone) {
    const proto = DateTime.now().setZone(zone).set({
      month: 12
    });
    return !zone.isUniversal && proto.offset !== proto.set({
      month: 6
    }).offset;
  }

  /**
   * Return whether the specified zone is a valid IANA specifier.
   * @param {string} zone - Zone to check
   * @return {boolean}
   */
  static isValidIANAZone(zone) {
    return IANAZone.isValidZone(zone);
  }

  /**
   * Converts the input into a {@link Zone} instance.
   *
   * * If `input` is already a Zone instance, it is returned unchanged.
   * * If `input` is a string containing a valid time zone name, a Zone instance
   *   with that name is returned.
   * * If `input` is a string that doesn't refer to a known time zone, a Zone
   *   instance with {@link Zone#isValid} == false is returned.
   * * If `input is a number, a Zone instance with the specified fixed offset
   *   in minutes is returned.
   * * If `input` is `null` or `undefined`, the default zone is returned.
   * @param {string|Zone|number} [input] - the value to be converted
   * @return {Zone}
   */
  static normalizeZone(input) {
    return normalizeZone(input, Settings.defaultZone);
  }

  /**
   * Get the weekday on which the week starts according to the given locale.
   * @param {Object} opts - options
   * @param {string} [opts.locale] - the locale code
   * @param {string} [opts.locObj=null] - an existing locale object to use
   * @returns {number} the start of the week, 1 for Monday through 7 for Sunday
   */
  static getStartOfWeek({
    locale = null,
    locObj = null
  } = {}) {
    return (locObj || Locale.create(locale)).getStartOfWeek();
  }

  /**
   * Get the minimum number of days necessary in a week before it is considered part of the next year according
   * to the given locale.
   * @param {Object} opts - options
   * @param {string} [opts.locale] - the locale code
   * @param {string} [opts.locObj=null] - an existing locale object to use
   * @returns {number}
   */
  static getMinimumDaysInFirstWeek({
    locale = null,
    locObj = null
  } = {}) {
    return (locObj || Locale.create(locale)).getMinDaysInFirstWeek();
  }

  /**
   * Get the weekdays, which are considered the weekend according to the given locale
   * @param {Object} opts - options
   * @param {string} [opts.locale] - the locale code
   * @param {string} [opts.locObj=null] - an existing locale object to use
   * @returns {number[]} an array of weekdays, 1 for Monday through 7 for Sunday
   */
  static getWeekendWeekdays({
    locale = null,
    locObj = null
  } = {}) {
    // copy the array, because we cache it internally
    return (locObj || Locale.create(locale)).getWeekendDays().slice();
  }

  /**
   * Return an array of standalone month names.
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
   * @param {string} [length='long'] - the length of the month representation, such as "numeric", "2-digit", "narrow", "short", "long"
   * @param {Object} opts - options
   * @param {string} [opts.locale] - the locale code
   * @param {string} [opts.numberingSystem=null] - the numbering system
   * @param {string} [opts.locObj=null] - an existing locale object to use
   * @param {string} [opts.outputCalendar='gregory'] - the calendar
   * @example Info.months()[0] //=> 'January'
   * @example Info.months('short')[0] //=> 'Jan'
   * @example Info.months('numeric')[0] //=> '1'
   * @example Info.months('short', { locale: 'fr-CA' } )[0] //=> 'janv.'
   * @example Info.months('numeric', { locale: 'ar' })[0] //=> '١'
   * @example Info.months('long', { outputCalendar: 'islamic' })[0] //=> 'Rabiʻ I'
   * @return {Array}
   */
  static months(length = "long", {
    locale = null,
    numberingSystem = null,
    locObj = null,
    outputCalendar = "gregory"
  } = {}) {
    return (locObj || Locale.create(locale, numberingSystem, outputCalendar)).months(length);
  }

  /**
   * Return an array of format month names.
   * Format months differ from standalone months in that they're meant to appear next to the day of the month. In some languages, that
   * changes the string.
   * See {@link Info#months}
   * @param {string} [length='long'] - the length of the month representation, such as "numeric", "2-digit", "narrow", "short", "long"
   * @param {Object} opts - options
   * @param {string} [opts.locale] - the locale code
   * @param {string} [opts.numberingSystem=null] - the numbering system
   * @param {string} [opts.locObj=null] - an existing locale object to use
   * @param {string} [opts.outputCalendar='gregory'] - the calendar
   * @return {Array}
   */
  static monthsFormat(length = "long", {
    locale = null,
    numberingSystem = null,
    locObj = null,
    outputCalendar = "gregory"
  } = {}) {
    return (locObj || Locale.create(locale, numberingSystem, outputCalendar)).months(length, true);
  }

  /**
   * Return an array of standalone week names.
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
   * @param {string} [length='long'] - the length of the weekday representation, such as "narrow", "short", "long".
   * @param {Object} opts - options
   * @param {string} [opts.locale] - the locale code
   * @param {string} [opts.numberingSystem=null] - the numbering system
   * @param {string} [opts.locObj=null] - an existing locale object to use
   * @example Info.weekdays()[0] //=> 'Monday'
   * @example Info.weekdays('short')[0] //=> 'Mon'
   * @example Info.weekdays('short', { locale: 'fr-CA' })[0] //=> 'lun.'
   * @example Info.weekdays('short', { locale: 'ar' })[0] //=> 'الاثنين'
   * @return {Array}
   */
  static weekdays(length = "long", {
    locale = null,
    numberingSystem = null,
    locObj = null
  } = {}) {
    return (locObj || Locale.create(locale, numberingSystem, null)).weekdays(length);
  }

  /**
   * Return an array of format week names.
   * Format weekdays differ from standalone weekdays in that they're meant to appear next to more date information. In some languages, that
   * changes the string.
   * See {@link Info#weekdays}
   * @param {string} [length='long'] - the length of the month representation, such as "narrow", "short", "long".
   * @param {Object} opts - options
   * @param {string} [opts.locale=null] - the locale code
   * @param {string} [opts.numberingSystem=null] - the numbering system
   * @param {string} [opts.locObj=null] - an existing locale object to use
   * @return {Array}
   */
  static weekdaysFormat(length = "long", {
    locale = null,
    numberingSystem = null,
    locObj = null
  } = {}) {
    return (locObj || Locale.create(locale, numberingSystem, null)).weekdays(length, true);
  }

  /**
   * Return an array of meridiems.
   * @param {Object} opts - options
   * @param {string} [opts.locale] - the locale code
   * @example Info.meridiems() //=> [ 'AM', 'PM' ]
   * @example Info.meridiems({ locale: 'my' }) //=> [ 'နံနက်', 'ညနေ' ]
   * @return {Array}
   */
  static meridiems({
    locale = null
  } = {}) {
    return Locale.create(locale).meridiems();
  }

  /**
   * Return an array of eras, such as ['BC', 'AD']. The locale can be specified, but the calendar system is always Gregorian.
   * @param {string} [length='short'] - the length of the era representation, such as "short" or "long".
   * @param {Object} opts - options
   * @param {string} [opts.locale] - the locale code
   * @example Info.eras() //=> [ 'BC', 'AD' ]
   * @example Info.eras('long') //=> [ 'Before Christ', 'Anno Domini' ]
   * @example Info.eras('long', { locale: 'fr' }) //=> [ 'avant Jésus-Christ', 'après Jésus-Christ' ]
   * @return {Array}
   */
  static eras(length = "short", {
    locale = null
  } = {}) {
    return Locale.create(locale, null, "gregory").eras(length);
  }

  /**
   * Return the set of available features in this environment.
   * Some features of Luxon are not available in all environments. For example, on older browsers, relative time formatting support is not available. Use this function to figure out if that's the case.
   * Keys:
   * * `relative`: whether this environment supports relative time formatting
   * * `localeWeek`: whether this environment supports different weekdays for the start of the week based on the locale
   * @example Info.features() //=> { relative: false, localeWeek: true }
   * @return {Object}
   */
  static features() {
    return {
      relative: hasRelative(),
      localeWeek: hasLocaleWeekInfo()
    };
  }
}

function dayDiff(earlier, later) {
  const utcDayStart = dt => dt.toUTC(0, {
      keepLocalTime: true
    }).startOf("day").valueOf(),
    ms = utcDayStart(later) - utcDayStart(earlier);
  return Math.floor(Duration.fromMillis(ms).as("days"));
}
function highOrderDiffs(cursor, later, units) {
  const differs = [["years", (a, b) => b.year - a.year], ["quarters", (a, b) => b.quarter - a.quarter + (b.year - a.year) * 4], ["months", (a, b) => b.month - a.month + (b.year - a.year) * 12], ["weeks", (a, b) => {
    const days = dayDiff(a, b);
    return (days - days % 7) / 7;
  }], ["days", dayDiff]];
  const results = {};
  const earlier = cursor;
  let lowestOrder, highWater;

  /* This loop tries to diff using larger units first.
     If we overshoot, we backtrack and try the next smaller unit.
     "cursor" starts out at the earlier timestamp and moves closer and closer to "later"
     as we use smaller and smaller units.
     highWater keeps track of where we would be if we added one more of the smallest unit,
     this is used later to potentially convert any difference smaller than the smallest higher order unit
     into a fraction of that smallest higher order unit
  */
  for (const [unit, differ] of differs) {
    if (units.indexOf(unit) >= 0) {
      lowestOrder = unit;
      results[unit] = differ(cursor, later);
      highWater = earlier.plus(results);
      if (highWater > later) {
        // we overshot the end point, backtrack cursor by 1
        results[unit]--;
        cursor = earlier.plus(results);

        // if we are still overshooting now, we need to backtrack again
        // this happens in certain situations when diffing times in different zones,
        // because this calculation ignores time zones
        if (cursor > later) {
          // keep the "overshot by 1" around as highWater
          highWater = cursor;
          // backtrack cursor by 1
          results[unit]--;
          cursor = earlier.plus(results);
        }
      } else {
        cursor = highWater;
      }
    }
  }
  return [cursor, results, highWater, lowestOrder];
}
function diff (earlier, later, units, opts) {
  let [cursor, results, highWater, lowestOrder] = highOrderDiffs(earlier, later, units);
  const remainingMillis = later - cursor;
  const lowerOrderUnits = units.filter(u => ["hours", "minutes", "seconds", "milliseconds"].indexOf(u) >= 0);
  if (lowerOrderUnits.length === 0) {
    if (highWater < later) {
      highWater = cursor.plus({
        [lowestOrder]: 1
      });
    }
    if (highWater !== cursor) {
      results[lowestOrder] = (results[lowestOrder] || 0) + remainingMillis / (highWater - cursor);
    }
  }
  const duration = Duration.fromObject(results, opts);
  if (lowerOrderUnits.length > 0) {
    return Duration.fromMillis(remainingMillis, opts).shiftTo(...lowerOrderUnits).plus(duration);
  } else {
    return duration;
  }
}

const MISSING_FTP = "missing Intl.DateTimeFormat.formatToParts support";
function intUnit(regex, post = i => i) {
  return {
    regex,
    deser: ([s]) => post(parseDigits(s))
  };
}
const NBSP = String.fromCharCode(160);
const spaceOrNBSP = `[ ${NBSP}]`;
const spaceOrNBSPRegExp = new RegExp(spaceOrNBSP, "g");
function fixListRegex(s) {
  // make dots optional and also make them literal
  // make space and non breakable space characters interchangeable
  return s.replace(/\./g, "\\.?").replace(spaceOrNBSPRegExp, spaceOrNBSP);
}
function stripInsensitivities(s) {
  return s.replace(/\./g, "") // ignore dots that were made optional
  .replace(spaceOrNBSPRegExp, " ") // interchange space and nbsp
  .toLowerCase();
}
function oneOf(strings, startIndex) {
  if (strings === null) {
    return null;
  } else {
    return {
      regex: RegExp(strings.map(fixListRegex).join("|")),
      deser: ([s]) => strings.findIndex(i => stripInsensitivities(s) === stripInsensitivities(i)) + startIndex
    };
  }
}
function offset(regex, groups) {
  return {
    regex,
    deser: ([, h, m]) => signedOffset(h, m),
    groups
  };
}
function simple(regex) {
  return {
    regex,
    deser: ([s]) => s
  };
}
function escapeToken(value) {
  return value.replace(/[\-\[\]{}()*+?.,\\\^$|#\s]/g, "\\$&");
}

/**
 * @param token
 * @param {Locale} loc
 */
function unitForToken(token, loc) {
  const one = digitRegex(loc),
    two = digitRegex(loc, "{2}"),
    three = digitRegex(loc, "{3}"),
    four = digitRegex(loc, "{4}"),
    six = digitRegex(loc, "{6}"),
    oneOrTwo = digitRegex(loc, "{1,2}"),
    oneToThree = digitRegex(loc, "{1,3}"),
    oneToSix = digitRegex(loc, "{1,6}"),
    oneToNine = digitRegex(loc, "{1,9}"),
    twoToFour = digitRegex(loc, "{2,4}"),
    fourToSix = digitRegex(loc, "{4,6}"),
    literal = t => ({
      regex: RegExp(escapeToken(t.val)),
      deser: ([s]) => s,
      literal: true
    }),
    unitate = t => {
      if (token.literal) {
        return literal(t);
      }
      switch (t.val) {
        // era
        case "G":
          return oneOf(loc.eras("short"), 0);
        case "GG":
          return oneOf(loc.eras("long"), 0);
        // years
        case "y":
          return intUnit(oneToSix);
        case "yy":
          return intUnit(twoToFour, untruncateYear);
        case "yyyy":
          return intUnit(four);
        case "yyyyy":
          return intUnit(fourToSix);
        case "yyyyyy":
          return intUnit(six);
        // months
        case "M":
          return intUnit(oneOrTwo);
        case "MM":
          return intUnit(two);
        case "MMM":
          return oneOf(loc.months("short", true), 1);
        case "MMMM":
          return oneOf(loc.months("long", true), 1);
        case "L":
          return intUnit(oneOrTwo);
        case "LL":
          return intUnit(two);
        case "LLL":
          return oneOf(loc.months("short", false), 1);
        case "LLLL":
          return oneOf(loc.months("long", false), 1);
        // dates
        case "d":
          return intUnit(oneOrTwo);
        case "dd":
          return intUnit(two);
        // ordinals
        case "o":
          return intUnit(oneToThree);
        case "ooo":
          return intUnit(three);
        // time
        case "HH":
          return intUnit(two);
        case "H":
          return intUnit(oneOrTwo);
        case "hh":
          return intUnit(two);
        case "h":
          return intUnit(oneOrTwo);
        case "mm":
          return intUnit(two);
        case "m":
          return intUnit(oneOrTwo);
        case "q":
          return intUnit(oneOrTwo);
        case "qq":
          return intUnit(two);
        case "s":
          return intUnit(oneOrTwo);
        case "ss":
          return intUnit(two);
        case "S":
          return intUnit(oneToThree);
        case "SSS":
          return intUnit(three);
        case "u":
          return simple(oneToNine);
        case "uu":
          return simple(oneOrTwo);
        case "uuu":
          return intUnit(one);
        // meridiem
        case "a":
          return oneOf(loc.meridiems(), 0);
        // weekYear (k)
        case "kkkk":
          return intUnit(four);
        case "kk":
          return intUnit(twoToFour, untruncateYear);
        // weekNumber (W)
        case "W":
          return intUnit(oneOrTwo);
        case "WW":
          return intUnit(two);
        // weekdays
        case "E":
        case "c":
          return intUnit(one);
        case "EEE":
          return oneOf(loc.weekdays("short", false), 1);
        case "EEEE":
          return oneOf(loc.weekdays("long", false), 1);
        case "ccc":
          return oneOf(loc.weekdays("short", true), 1);
        case "cccc":
          return oneOf(loc.weekdays("long", true), 1);
        // offset/zone
        case "Z":
        case "ZZ":
          return offset(new RegExp(`([+-]${oneOrTwo.source})(?::(${two.source}))?`), 2);
        case "ZZZ":
          return offset(new RegExp(`([+-]${oneOrTwo.source})(${two.source})?`), 2);
        // we don't support ZZZZ (PST) or ZZZZZ (Pacific Standard Time) in parsing
        // because we don't have any way to figure out what they are
        case "z":
          return simple(/[a-z_+-/]{1,256}?/i);
        // this special-case "token" represents a place where a macro-token expanded into a white-space literal
        // in this case we accept any non-newline white-space
        case " ":
          return simple(/[^\S\n\r]/);
        default:
          return literal(t);
      }
    };
  const unit = unitate(token) || {
    invalidReason: MISSING_FTP
  };
  unit.token = token;
  return unit;
}
const partTypeStyleToTokenVal = {
  year: {
    "2-digit": "yy",
    numeric: "yyyyy"
  },
  month: {
    numeric: "M",
    "2-digit": "MM",
    short: "MMM",
    long: "MMMM"
  },
  day: {
    numeric: "d",
    "2-digit": "dd"
  },
  weekday: {
    short: "EEE",
    long: "EEEE"
  },
  dayperiod: "a",
  dayPeriod: "a",
  hour12: {
    numeric: "h",
    "2-digit": "hh"
  },
  hour24: {
    numeric: "H",
    "2-digit": "HH"
  },
  minute: {
    numeric: "m",
    "2-digit": "mm"
  },
  second: {
    numeric: "s",
    "2-digit": "ss"
  },
  timeZoneName: {
    long: "ZZZZZ",
    short: "ZZZ"
  }
};
function tokenForPart(part, formatOpts, resolvedOpts) {
  const {
    type,
    value
  } = part;
  if (type === "literal") {
    const isSpace = /^\s+$/.test(value);
    return {
      literal: !isSpace,
      val: isSpace ? " " : value
    };
  }
  const style = formatOpts[type];

  // The user might have explicitly specified hour12 or hourCycle
  // if so, respect their decision
  // if not, refer back to the resolvedOpts, which are based on the locale
  let actualType = type;
  if (type === "hour") {
    if (formatOpts.hour12 != null) {
      actualType = formatOpts.hour12 ? "hour12" : "hour24";
    } else if (formatOpts.hourCycle != null) {
      if (formatOpts.hourCycle === "h11" || formatOpts.hourCycle === "h12") {
        actualType = "hour12";
      } else {
        actualType = "hour24";
      }
    } else {
      // tokens only differentiate between 24 hours or not,
      // so we do not need to check hourCycle here, which is less supported anyways
      actualType = resolvedOpts.hour12 ? "hour12" : "hour24";
    }
  }
  let val = partTypeStyleToTokenVal[actualType];
  if (typeof val === "object") {
    val = val[style];
  }
  if (val) {
    return {
      literal: false,
      val
    };
  }
  return undefined;
}
function buildRegex(units) {
  const re = units.map(u => u.regex).reduce((f, r) => `${f}(${r.source})`, "");
  return [`^${re}$`, units];
}
function match(input, regex, handlers) {
  const matches = input.match(regex);
  if (matches) {
    const all = {};
    let matchIndex = 1;
    for (const i in handlers) {
      if (hasOwnProperty(handlers, i)) {
        const h = handlers[i],
          groups = h.groups ? h.groups + 1 : 1;
        if (!h.literal && h.token) {
          all[h.token.val[0]] = h.deser(matches.slice(matchIndex, matchIndex + groups));
        }
        matchIndex += groups;
      }
    }
    return [matches, all];
  } else {
    return [matches, {}];
  }
}
function dateTimeFromMatches(matches) {
  const toField = token => {
    switch (token) {
      case "S":
        return "millisecond";
      case "s":
        return "second";
      case "m":
        return "minute";
      case "h":
      case "H":
        return "hour";
      case "d":
        return "day";
      case "o":
        return "ordinal";
      case "L":
      case "M":
        return "month";
      case "y":
        return "year";
      case "E":
      case "c":
        return "weekday";
      case "W":
        return "weekNumber";
      case "k":
        return "weekYear";
      case "q":
        return "quarter";
      default:
        return null;
    }
  };
  let zone = null;
  let specificOffset;
  if (!isUndefined(matches.z)) {
    zone = IANAZone.create(matches.z);
  }
  if (!isUndefined(matches.Z)) {
    if (!zone) {
      zone = new FixedOffsetZone(matches.Z);
    }
    specificOffset = matches.Z;
  }
  if (!isUndefined(matches.q)) {
    matches.M = (matches.q - 1) * 3 + 1;
  }
  if (!isUndefined(matches.h)) {
    if (matches.h < 12 && matches.a === 1) {
      matches.h += 12;
    } else if (matches.h === 12 && matches.a === 0) {
      matches.h = 0;
    }
  }
  if (matches.G === 0 && matches.y) {
    matches.y = -matches.y;
  }
  if (!isUndefined(matches.u)) {
    matches.S = parseMillis(matches.u);
  }
  const vals = Object.keys(matches).reduce((r, k) => {
    const f = toField(k);
    if (f) {
      r[f] = matches[k];
    }
    return r;
  }, {});
  return [vals, zone, specificOffset];
}
let dummyDateTimeCache = null;
function getDummyDateTime() {
  if (!dummyDateTimeCache) {
    dummyDateTimeCache = DateTime.fromMillis(1555555555555);
  }
  return dummyDateTimeCache;
}
function maybeExpandMacroToken(token, locale) {
  if (token.literal) {
    return token;
  }
  const formatOpts = Formatter.macroTokenToFormatOpts(token.val);
  const tokens = formatOptsToTokens(formatOpts, locale);
  if (tokens == null || tokens.includes(undefined)) {
    return token;
  }
  return tokens;
}
function expandMacroTokens(tokens, locale) {
  return Array.prototype.concat(...tokens.map(t => maybeExpandMacroToken(t, locale)));
}

/**
 * @private
 */

class TokenParser {
  constructor(locale, format) {
    this.locale = locale;
    this.format = format;
    this.tokens = expandMacroTokens(Formatter.parseFormat(format), locale);
    this.units = this.tokens.map(t => unitForToken(t, locale));
    this.disqualifyingUnit = this.units.find(t => t.invalidReason);
    if (!this.disqualifyingUnit) {
      const [regexString, handlers] = buildRegex(this.units);
      this.regex = RegExp(regexString, "i");
      this.handlers = handlers;
    }
  }
  explainFromTokens(input) {
    if (!this.isValid) {
      return {
        input,
        tokens: this.tokens,
        invalidReason: this.invalidReason
      };
    } else {
      const [rawMatches, matches] = match(input, this.regex, this.handlers),
        [result, zone, specificOffset] = matches ? dateTimeFromMatches(matches) : [null, null, undefined];
      if (hasOwnProperty(matches, "a") && hasOwnProperty(matches, "H")) {
        throw new ConflictingSpecificationError("Can't include meridiem when specifying 24-hour format");
      }
      return {
        input,
        tokens: this.tokens,
        regex: this.regex,
        rawMatches,
        matches,
        result,
        zone,
        specificOffset
      };
    }
  }
  get isValid() {
    return !this.disqualifyingUnit;
  }
  get invalidReason() {
    return this.disqualifyingUnit ? this.disqualifyingUnit.invalidReason : null;
  }
}
function explainFromTokens(locale, input, format) {
  const parser = new TokenParser(locale, format);
  return parser.explainFromTokens(input);
}
function parseFromTokens(locale, input, format) {
  const {
    result,
    zone,
    specificOffset,
    invalidReason
  } = explainFromTokens(locale, input, format);
  return [result, zone, specificOffset, invalidReason];
}
function formatOptsToTokens(formatOpts, locale) {
  if (!formatOpts) {
    return null;
  }
  const formatter = Formatter.create(locale, formatOpts);
  const df = formatter.dtFormatter(getDummyDateTime());
  const parts = df.formatToParts();
  const resolvedOpts = df.resolvedOptions();
  return parts.map(p => tokenForPart(p, formatOpts, resolvedOpts));
}

const INVALID = "Invalid DateTime";
const MAX_DATE = 8.64e15;
function unsupportedZone(zone) {
  return new Invalid("unsupported zone", `the zone "${zone.name}" is not supported`);
}

// we cache week data on the DT object and this intermediates the cache
/**
 * @param {DateTime} dt
 */
function possiblyCachedWeekData(dt) {
  if (dt.weekData === null) {
    dt.weekData = gregorianToWeek(dt.c);
  }
  return dt.weekData;
}

/**
 * @param {DateTime} dt
 */
function possiblyCachedLocalWeekData(dt) {
  if (dt.localWeekData === null) {
    dt.localWeekData = gregorianToWeek(dt.c, dt.loc.getMinDaysInFirstWeek(), dt.loc.getStartOfWeek());
  }
  return dt.localWeekData;
}

// clone really means, "make a new object with these modifications". all "setters" really use this
// to create a new object while only changing some of the properties
function clone(inst, alts) {
  const current = {
    ts: inst.ts,
    zone: inst.zone,
    c: inst.c,
    o: inst.o,
    loc: inst.loc,
    invalid: inst.invalid
  };
  return new DateTime({
    ...current,
    ...alts,
    old: current
  });
}

// find the right offset a given local time. The o input is our guess, which determines which
// offset we'll pick in ambiguous cases (e.g. there are two 3 AMs b/c Fallback DST)
function fixOffset(localTS, o, tz) {
  // Our UTC time is just a guess because our offset is just a guess
  let utcGuess = localTS - o * 60 * 1000;

  // Test whether the zone matches the offset for this ts
  const o2 = tz.offset(utcGuess);

  // If so, offset didn't change and we're done
  if (o === o2) {
    return [utcGuess, o];
  }

  // If not, change the ts by the difference in the offset
  utcGuess -= (o2 - o) * 60 * 1000;

  // If that gives us the local time we want, we're done
  const o3 = tz.offset(utcGuess);
  if (o2 === o3) {
    return [utcGuess, o2];
  }

  // If it's different, we're in a hole time. The offset has changed, but the we don't adjust the time
  return [localTS - Math.min(o2, o3) * 60 * 1000, Math.max(o2, o3)];
}

// convert an epoch timestamp into a calendar object with the given offset
function tsToObj(ts, offset) {
  ts += offset * 60 * 1000;
  const d = new Date(ts);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds()
  };
}

// convert a calendar object to a epoch timestamp
function objToTS(obj, offset, zone) {
  return fixOffset(objToLocalTS(obj), offset, zone);
}

// create a new DT instance by adding a duration, adjusting for DSTs
function adjustTime(inst, dur) {
  const oPre = inst.o,
    year = inst.c.year + Math.trunc(dur.years),
    month = inst.c.month + Math.trunc(dur.months) + Math.trunc(dur.quarters) * 3,
    c = {
      ...inst.c,
      year,
      month,
      day: Math.min(inst.c.day, daysInMonth(year, month)) + Math.trunc(dur.days) + Math.trunc(dur.weeks) * 7
    },
    millisToAdd = Duration.fromObject({
      years: dur.years - Math.trunc(dur.years),
      quarters: dur.quarters - Math.trunc(dur.quarters),
      months: dur.months - Math.trunc(dur.months),
      weeks: dur.weeks - Math.trunc(dur.weeks),
      days: dur.days - Math.trunc(dur.days),
      hours: dur.hours,
      minutes: dur.minutes,
      seconds: dur.seconds,
      milliseconds: dur.milliseconds
    }).as("milliseconds"),
    localTS = objToLocalTS(c);
  let [ts, o] = fixOffset(localTS, oPre, inst.zone);
  if (millisToAdd !== 0) {
    ts += millisToAdd;
    // that could have changed the offset by going over a DST, but we want to keep the ts the same
    o = inst.zone.offset(ts);
  }
  return {
    ts,
    o
  };
}

// helper useful in turning the results of parsing into real dates
// by handling the zone options
function parseDataToDateTime(parsed, parsedZone, opts, format, text, specificOffset) {
  const {
    setZone,
    zone
  } = opts;
  if (parsed && Object.keys(parsed).length !== 0 || parsedZone) {
    const interpretationZone = parsedZone || zone,
      inst = DateTime.fromObject(parsed, {
        ...opts,
        zone: interpretationZone,
        specificOffset
      });
    return setZone ? inst : inst.setZone(zone);
  } else {
    return DateTime.invalid(new Invalid("unparsable", `the input "${text}" can't be parsed as ${format}`));
  }
}

// if you want to output a technical format (e.g. RFC 2822), this helper
// helps handle the details
function toTechFormat(dt, format, allowZ = true) {
  return dt.isValid ? Formatter.create(Locale.create("en-US"), {
    allowZ,
    forceSimple: true
  }).formatDateTimeFromString(dt, format) : null;
}
function toISODate(o, extended, precision) {
  const longFormat = o.c.year > 9999 || o.c.year < 0;
  let c = "";
  if (longFormat && o.c.year >= 0) c += "+";
  c += padStart(o.c.year, longFormat ? 6 : 4);
  if (precision === "year") return c;
  if (extended) {
    c += "-";
    c += padStart(o.c.month);
    if (precision === "month") return c;
    c += "-";
  } else {
    c += padStart(o.c.month);
    if (precision === "month") return c;
  }
  c += padStart(o.c.day);
  return c;
}
function toISOTime(o, extended, suppressSeconds, suppressMilliseconds, includeOffset, extendedZone, precision) {
  let showSeconds = !suppressSeconds || o.c.millisecond !== 0 || o.c.second !== 0,
    c = "";
  switch (precision) {
    case "day":
    case "month":
    case "year":
      break;
    default:
      c += padStart(o.c.hour);
      if (precision === "hour") break;
      if (extended) {
        c += ":";
        c += padStart(o.c.minute);
        if (precision === "minute") break;
        if (showSeconds) {
          c += ":";
          c += padStart(o.c.second);
        }
      } else {
        c += padStart(o.c.minute);
        if (precision === "minute") break;
        if (showSeconds) {
          c += padStart(o.c.second);
        }
      }
      if (precision === "second") break;
      if (showSeconds && (!suppressMilliseconds || o.c.millisecond !== 0)) {
        c += ".";
        c += padStart(o.c.millisecond, 3);
      }
  }
  if (includeOffset) {
    if (o.isOffsetFixed && o.offset === 0 && !extendedZone) {
      c += "Z";
    } else if (o.o < 0) {
      c += "-";
      c += padStart(Math.trunc(-o.o / 60));
      c += ":";
      c += padStart(Math.trunc(-o.o % 60));
    } else {
      c += "+";
      c += padStart(Math.trunc(o.o / 60));
      c += ":";
      c += padStart(Math.trunc(o.o % 60));
    }
  }
  if (extendedZone) {
    c += "[" + o.zone.ianaName + "]";
  }
  return c;
}

// defaults for unspecified units in the supported calendars
const defaultUnitValues = {
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0
  },
  defaultWeekUnitValues = {
    weekNumber: 1,
    weekday: 1,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0
  },
  defaultOrdinalUnitValues = {
    ordinal: 1,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0
  };

// Units in the supported calendars, sorted by bigness
const orderedUnits = ["year", "month", "day", "hour", "minute", "second", "millisecond"],
  orderedWeekUnits = ["weekYear", "weekNumber", "weekday", "hour", "minute", "second", "millisecond"],
  orderedOrdinalUnits = ["year", "ordinal", "hour", "minute", "second", "millisecond"];

// standardize case and plurality in units
function normalizeUnit(unit) {
  const normalized = {
    year: "year",
    years: "year",
    month: "month",
    months: "month",
    day: "day",
    days: "day",
    hour: "hour",
    hours: "hour",
    minute: "minute",
    minutes: "minute",
    quarter: "quarter",
    quarters: "quarter",
    second: "second",
    seconds: "second",
    millisecond: "millisecond",
    milliseconds: "millisecond",
    weekday: "weekday",
    weekdays: "weekday",
    weeknumber: "weekNumber",
    weeksnumber: "weekNumber",
    weeknumbers: "weekNumber",
    weekyear: "weekYear",
    weekyears: "weekYear",
    ordinal: "ordinal"
  }[unit.toLowerCase()];
  if (!normalized) throw new InvalidUnitError(unit);
  return normalized;
}
function normalizeUnitWithLocalWeeks(unit) {
  switch (unit.toLowerCase()) {
    case "localweekday":
    case "localweekdays":
      return "localWeekday";
    case "localweeknumber":
    case "localweeknumbers":
      return "localWeekNumber";
    case "localweekyear":
    case "localweekyears":
      return "localWeekYear";
    default:
      return normalizeUnit(unit);
  }
}

// cache offsets for zones based on the current timestamp when this function is
// first called. When we are handling a datetime from components like (year,
// month, day, hour) in a time zone, we need a guess about what the timezone
// offset is so that we can convert into a UTC timestamp. One way is to find the
// offset of now in the zone. The actual date may have a different offset (for
// example, if we handle a date in June while we're in December in a zone that
// observes DST), but we can check and adjust that.
//
// When handling many dates, calculating the offset for now every time is
// expensive. It's just a guess, so we can cache the offset to use even if we
// are right on a time change boundary (we'll just correct in the other
// direction). Using a timestamp from first read is a slight optimization for
// handling dates close to the current date, since those dates will usually be
// in the same offset (we could set the timestamp statically, instead). We use a
// single timestamp for all zones to make things a bit more predictable.
//
// This is safe for quickDT (used by local() and utc()) because we don't fill in
// higher-order units from tsNow (as we do in fromObject, this requires that
// offset is calculated from tsNow).
/**
 * @param {Zone} zone
 * @return {number}
 */
function guessOffsetForZone(zone) {
  if (zoneOffsetTs === undefined) {
    zoneOffsetTs = Settings.now();
  }

  // Do not cache anything but IANA zones, because it is not safe to do so.
  // Guessing an offset which is not present in the zone can cause wrong results from fixOffset
  if (zone.type !== "iana") {
    return zone.offset(zoneOffsetTs);
  }
  const zoneName = zone.name;
  let offsetGuess = zoneOffsetGuessCache.get(zoneName);
  if (offsetGuess === undefined) {
    offsetGuess = zone.offset(zoneOffsetTs);
    zoneOffsetGuessCache.set(zoneName, offsetGuess);
  }
  return offsetGuess;
}

// this is a dumbed down version of fromObject() that runs about 60% faster
// but doesn't do any validation, makes a bunch of assumptions about what units
// are present, and so on.
function quickDT(obj, opts) {
  const zone = normalizeZone(opts.zone, Settings.defaultZone);
  if (!zone.isValid) {
    return DateTime.invalid(unsupportedZone(zone));
  }
  const loc = Locale.fromObject(opts);
  let ts, o;

  // assume we have the higher-order units
  if (!isUndefined(obj.year)) {
    for (const u of orderedUnits) {
      if (isUndefined(obj[u])) {
        obj[u] = defaultUnitValues[u];
      }
    }
    const invalid = hasInvalidGregorianData(obj) || hasInvalidTimeData(obj);
    if (invalid) {
      return DateTime.invalid(invalid);
    }
    const offsetProvis = guessOffsetForZone(zone);
    [ts, o] = objToTS(obj, offsetProvis, zone);
  } else {
    ts = Settings.now();
  }
  return new DateTime({
    ts,
    zone,
    loc,
    o
  });
}
function diffRelative(start, end, opts) {
  const round = isUndefined(opts.round) ? true : opts.round,
    rounding = isUndefined(opts.rounding) ? "trunc" : opts.rounding,
    format = (c, unit) => {
      c = roundTo(c, round || opts.calendary ? 0 : 2, opts.calendary ? "round" : rounding);
      const formatter = end.loc.clone(opts).relFormatter(opts);
      return formatter.format(c, unit);
    },
    differ = unit => {
      if (opts.calendary) {
        if (!end.hasSame(start, unit)) {
          return end.startOf(unit).diff(start.startOf(unit), unit).get(unit);
        } else return 0;
      } else {
        return end.diff(start, unit).get(unit);
      }
    };
  if (opts.unit) {
    return format(differ(opts.unit), opts.unit);
  }
  for (const unit of opts.units) {
    const count = differ(unit);
    if (Math.abs(count) >= 1) {
      return format(count, unit);
    }
  }
  return format(start > end ? -0 : 0, opts.units[opts.units.length - 1]);
}
function lastOpts(argList) {
  let opts = {},
    args;
  if (argList.length > 0 && typeof argList[argList.length - 1] === "object") {
    opts = argList[argList.length - 1];
    args = Array.from(argList).slice(0, argList.length - 1);
  } else {
    args = Array.from(argList);
  }
  return [opts, args];
}

/**
 * Timestamp to use for cached zone offset guesses (exposed for test)
 */
let zoneOffsetTs;
/**
 * Cache for zone offset guesses (exposed for test).
 *
 * This optimizes quickDT via guessOffsetForZone to avoid repeated calls of
 * zone.offset().
 */
const zoneOffsetGuessCache = new Map();

/**
 * A DateTime is an immutable data structure representing a specific date and time and accompanying methods. It contains class and instance methods for creating, parsing, interrogating, transforming, and formatting them.
 *
 * A DateTime comprises of:
 * * A timestamp. Each DateTime instance refers to a specific millisecond of the Unix epoch.
 * * A time zone. Each instance is considered in the context of a specific zone (by default the local system's zone).
 * * Configuration properties that effect how output strings are formatted, such as `locale`, `numberingSystem`, and `outputCalendar`.
 *
 * Here is a brief overview of the most commonly used functionality it provides:
 *
 * * **Creation**: To create a DateTime from its components, use one of its factory class methods: {@link DateTime.local}, {@link DateTime.utc}, and (most flexibly) {@link DateTime.fromObject}. To create one from a standard string format, use {@link DateTime.fromISO}, {@link DateTime.fromHTTP}, and {@link DateTime.fromRFC2822}. To create one from a custom string format, use {@link DateTime.fromFormat}. To create one from a native JS date, use {@link DateTime.fromJSDate}.
 * * **Gregorian calendar and time**: To examine the Gregorian properties of a DateTime individually (i.e as opposed to collectively through {@link DateTime#toObject}), use the {@link DateTime#year}, {@link DateTime#month},
 * {@link DateTime#day}, {@link DateTime#hour}, {@link DateTime#minute}, {@link DateTime#second}, {@link DateTime#millisecond} accessors.
 * * **Week calendar**: For ISO week calendar attributes, see the {@link DateTime#weekYear}, {@link DateTime#weekNumber}, and {@link DateTime#weekday} accessors.
 * * **Configuration** See the {@link DateTime#locale} and {@link DateTime#numberingSystem} accessors.
 * * **Transformation**: To transform the DateTime into other DateTimes, use {@link DateTime#set}, {@link DateTime#reconfigure}, {@link DateTime#setZone}, {@link DateTime#setLocale}, {@link DateTime.plus}, {@link DateTime#minus}, {@link DateTime#endOf}, {@link DateTime#startOf}, {@link DateTime#toUTC}, and {@link DateTime#toLocal}.
 * * **Output**: To convert the DateTime to other representations, use the {@link DateTime#toRelative}, {@link DateTime#toRelativeCalendar}, {@link DateTime#toJSON}, {@link DateTime#toISO}, {@link DateTime#toHTTP}, {@link DateTime#toObject}, {@link DateTime#toRFC2822}, {@link DateTime#toString}, {@link DateTime#toLocaleString}, {@link DateTime#toFormat}, {@link DateTime#toMillis} and {@link DateTime#toJSDate}.
 *
 * There's plenty others documented below. In addition, for more information on subtler topics like internationalization, time zones, alternative calendars, validity, and so on, see the external documentation.
 */
class DateTime {
  /**
   * @access private
   */
  constructor(config) {
    const zone = config.zone || Settings.defaultZone;
    let invalid = config.invalid || (Number.isNaN(config.ts) ? new Invalid("invalid input") : null) || (!zone.isValid ? unsupportedZone(zone) : null);
    /**
     * @access private
     */
    this.ts = isUndefined(config.ts) ? Settings.now() : config.ts;
    let c = null,
      o = null;
    if (!invalid) {
      const unchanged = config.old && config.old.ts === this.ts && config.old.zone.equals(zone);
      if (unchanged) {
        [c, o] = [config.old.c, config.old.o];
      } else {
        // If an offset has been passed and we have not been called from
        // clone(), we can trust it and avoid the offset calculation.
        const ot = isNumber(config.o) && !config.old ? config.o : zone.offset(this.ts);
        c = tsToObj(this.ts, ot);
        invalid = Number.isNaN(c.year) ? new Invalid("invalid input") : null;
        c = invalid ? null : c;
        o = invalid ? null : ot;
      }
    }

    /**
     * @access private
     */
    this._zone = zone;
    /**
     * @access private
     */
    this.loc = config.loc || Locale.create();
    /**
     * @access private
     */
    this.invalid = invalid;
    /**
     * @access private
     */
    this.weekData = null;
    /**
     * @access private
     */
    this.localWeekData = null;
    /**
     * @access private
     */
    this.c = c;
    /**
     * @access private
     */
    this.o = o;
    /**
     * @access private
     */
    this.isLuxonDateTime = true;
  }

  // CONSTRUCT

  /**
   * Create a DateTime for the current instant, in the system's time zone.
   *
   * Use Settings to override these default values if needed.
   * @example DateTime.now().toISO() //~> now in the ISO format
   * @return {DateTime}
   */
  static now() {
    return new DateTime({});
  }

  /**
   * Create a local DateTime
   * @param {number} [year] - The calendar year. If omitted (as in, call `local()` with no arguments), the current time will be used
   * @param {number} [month=1] - The month, 1-indexed
   * @param {number} [day=1] - The day of the month, 1-indexed
   * @param {number} [hour=0] - The hour of the day, in 24-hour time
   * @param {number} [minute=0] - The minute of the hour, meaning a number between 0 and 59
   * @param {number} [second=0] - The second of the minute, meaning a number between 0 and 59
   * @param {number} [millisecond=0] - The millisecond of the second, meaning a number between 0 and 999
   * @example DateTime.local()                                  //~> now
   * @example DateTime.local({ zone: "America/New_York" })      //~> now, in US east coast time
   * @example DateTime.local(2017)                              //~> 2017-01-01T00:00:00
   * @example DateTime.local(2017, 3)                           //~> 2017-03-01T00:00:00
   * @example DateTime.local(2017, 3, 12, { locale: "fr" })     //~> 2017-03-12T00:00:00, with a French locale
   * @example DateTime.local(2017, 3, 12, 5)                    //~> 2017-03-12T05:00:00
   * @example DateTime.local(2017, 3, 12, 5, { zone: "utc" })   //~> 2017-03-12T05:00:00, in UTC
   * @example DateTime.local(2017, 3, 12, 5, 45)                //~> 2017-03-12T05:45:00
   * @example DateTime.local(2017, 3, 12, 5, 45, 10)            //~> 2017-03-12T05:45:10
   * @example DateTime.local(2017, 3, 12, 5, 45, 10, 765)       //~> 2017-03-12T05:45:10.765
   * @return {DateTime}
   */
  static local() {
    const [opts, args] = lastOpts(arguments),
      [year, month, day, hour, minute, second, millisecond] = args;
    return quickDT({
      year,
      month,
      day,
      hour,
      minute,
      second,
      millisecond
    }, opts);
  }

  /**
   * Create a DateTime in UTC
   * @param {number} [year] - The calendar year. If omitted (as in, call `utc()` with no arguments), the current time will be used
   * @param {number} [month=1] - The month, 1-indexed
   * @param {number} [day=1] - The day of the month
   * @param {number} [hour=0] - The hour of the day, in 24-hour time
   * @param {number} [minute=0] - The minute of the hour, meaning a number between 0 and 59
   * @param {number} [second=0] - The second of the minute, meaning a number between 0 and 59
   * @param {number} [millisecond=0] - The millisecond of the second, meaning a number between 0 and 999
   * @param {Object} options - configuration options for the DateTime
   * @param {string} [options.locale] - a locale to set on the resulting DateTime instance
   * @param {string} [options.outputCalendar] - the output calendar to set on the resulting DateTime instance
   * @param {string} [options.numberingSystem] - the numbering system to set on the resulting DateTime instance
   * @param {string} [options.weekSettings] - the week settings to set on the resulting DateTime instance
   * @example DateTime.utc()                                              //~> now
   * @example DateTime.utc(2017)                                          //~> 2017-01-01T00:00:00Z
   * @example DateTime.utc(2017, 3)                                       //~> 2017-03-01T00:00:00Z
   * @example DateTime.utc(2017, 3, 12)                                   //~> 2017-03-12T00:00:00Z
   * @example DateTime.utc(2017, 3, 12, 5)                                //~> 2017-03-12T05:00:00Z
   * @example DateTime.utc(2017, 3, 12, 5, 45)                            //~> 2017-03-12T05:45:00Z
   * @example DateTime.utc(2017, 3, 12, 5, 45, { locale: "fr" })          //~> 2017-03-12T05:45:00Z with a French locale
   * @example DateTime.utc(2017, 3, 12, 5, 45, 10)                        //~> 2017-03-12T05:45:10Z
   * @example DateTime.utc(2017, 3, 12, 5, 45, 10, 765, { locale: "fr" }) //~> 2017-03-12T05:45:10.765Z with a French locale
   * @return {DateTime}
   */
  static utc() {
    const [opts, args] = lastOpts(arguments),
      [year, month, day, hour, minute, second, millisecond] = args;
    opts.zone = FixedOffsetZone.utcInstance;
    return quickDT({
      year,
      month,
      day,
      hour,
      minute,
      second,
      millisecond
    }, opts);
  }

  /**
   * Create a DateTime from a JavaScript Date object. Uses the default zone.
   * @param {Date} date - a JavaScript Date object
   * @param {Object} options - configuration options for the DateTime
   * @param {string|Zone} [options.zone='local'] - the zone to place the DateTime into
   * @return {DateTime}
   */
  static fromJSDate(date, options = {}) {
    const ts = isDate(date) ? date.valueOf() : NaN;
    if (Number.isNaN(ts)) {
      return DateTime.invalid("invalid input");
    }
    const zoneToUse = normalizeZone(options.zone, Settings.defaultZone);
    if (!zoneToUse.isValid) {
      return DateTime.invalid(unsupportedZone(zoneToUse));
    }
    return new DateTime({
      ts: ts,
      zone: zoneToUse,
      loc: Locale.fromObject(options)
    });
  }

  /**
   * Create a DateTime from a number of milliseconds since the epoch (meaning since 1 January 1970 00:00:00 UTC). Uses the default zone.
   * @param {number} milliseconds - a number of milliseconds since 1970 UTC
   * @param {Object} options - configuration options for the DateTime
   * @param {string|Zone} [options.zone='local'] - the zone to place the DateTime into
   * @param {string} [options.locale] - a locale to set on the resulting DateTime instance
   * @param {string} options.outputCalendar - the output calendar to set on the resulting DateTime instance
   * @param {string} options.numberingSystem - the numbering system to set on the resulting DateTime instance
   * @param {string} options.weekSettings - the week settings to set on the resulting DateTime instance
   * @return {DateTime}
   */
  static fromMillis(milliseconds, options = {}) {
    if (!isNumber(milliseconds)) {
      throw new InvalidArgumentError(`fromMillis requires a numerical input, but received a ${typeof milliseconds} with value ${milliseconds}`);
    } else if (milliseconds < -MAX_DATE || milliseconds > MAX_DATE) {
      // this isn't perfect because we can still end up out of range because of additional shifting, but it's a start
      return DateTime.invalid("Timestamp out of range");
    } else {
      return new DateTime({
        ts: milliseconds,
        zone: normalizeZone(options.zone, Settings.defaultZone),
        loc: Locale.fromObject(options)
      });
    }
  }

  /**
   * Create a DateTime from a number of seconds since the epoch (meaning since 1 January 1970 00:00:00 UTC). Uses the default zone.
   * @param {number} seconds - a number of seconds since 1970 UTC
   * @param {Object} options - configuration options for the DateTime
   * @param {string|Zone} [options.zone='local'] - the zone to place the DateTime into
   * @param {string} [options.locale] - a locale to set on the resulting DateTime instance
   * @param {string} options.outputCalendar - the output calendar to set on the resulting DateTime instance
   * @param {string} options.numberingSystem - the numbering system to set on the resulting DateTime instance
   * @param {string} options.weekSettings - the week settings to set on the resulting DateTime instance
   * @return {DateTime}
   */
  static fromSeconds(seconds, options = {}) {
    if (!isNumber(seconds)) {
      throw new InvalidArgumentError("fromSeconds requires a numerical input");
    } else {
      return new DateTime({
        ts: seconds * 1000,
        zone: normalizeZone(options.zone, Settings.defaultZone),
        loc: Locale.fromObject(options)
      });
    }
  }

  /**
   * Create a DateTime from a JavaScript object with keys like 'year' and 'hour' with reasonable defaults.
   * @param {Object} obj - the object to create the DateTime from
   * @param {number} obj.year - a year, such as 1987
   * @param {number} obj.month - a month, 1-12
   * @param {number} obj.day - a day of the month, 1-31, depending on the month
   * @param {number} obj.ordinal - day of the year, 1-365 or 366
   * @param {number} obj.weekYear - an ISO week year
   * @param {number} obj.weekNumber - an ISO week number, between 1 and 52 or 53, depending on the year
   * @param {number} obj.weekday - an ISO weekday, 1-7, where 1 is Monday and 7 is Sunday
   * @param {number} obj.localWeekYear - a week year, according to the locale
   * @param {number} obj.localWeekNumber - a week number, between 1 and 52 or 53, depending on the year, according to the locale
   * @param {number} obj.localWeekday - a weekday, 1-7, where 1 is the first and 7 is the last day of the week, according to the locale
   * @param {number} obj.hour - hour of the day, 0-23
   * @param {number} obj.minute - minute of the hour, 0-59
   * @param {number} obj.second - second of the minute, 0-59
   * @param {number} obj.millisecond - millisecond of the second, 0-999
   * @param {Object} opts - options for creating this DateTime
   * @param {string|Zone} [opts.zone='local'] - interpret the numbers in the context of a particular zone. Can take any value taken as the first argument to setZone()
   * @param {string} [opts.locale='system\'s locale'] - a locale to set on the resulting DateTime instance
   * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
   * @param {string} opts.numberingSystem - the numbering system to set on the resulting DateTime instance
   * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
   * @example DateTime.fromObject({ year: 1982, month: 5, day: 25}).toISODate() //=> '1982-05-25'
   * @example DateTime.fromObject({ year: 1982 }).toISODate() //=> '1982-01-01'
   * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }) //~> today at 10:26:06
   * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }, { zone: 'utc' }),
   * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }, { zone: 'local' })
   * @example DateTime.fromObject({ hour: 10, minute: 26, second: 6 }, { zone: 'America/New_York' })
   * @example DateTime.fromObject({ weekYear: 2016, weekNumber: 2, weekday: 3 }).toISODate() //=> '2016-01-13'
   * @example DateTime.fromObject({ localWeekYear: 2022, localWeekNumber: 1, localWeekday: 1 }, { locale: "en-US" }).toISODate() //=> '2021-12-26'
   * @return {DateTime}
   */
  static fromObject(obj, opts = {}) {
    obj = obj || {};
    const zoneToUse = normalizeZone(opts.zone, Settings.defaultZone);
    if (!zoneToUse.isValid) {
      return DateTime.invalid(unsupportedZone(zoneToUse));
    }
    const loc = Locale.fromObject(opts);
    const normalized = normalizeObject(obj, normalizeUnitWithLocalWeeks);
    const {
      minDaysInFirstWeek,
      startOfWeek
    } = usesLocalWeekValues(normalized, loc);
    const tsNow = Settings.now(),
      offsetProvis = !isUndefined(opts.specificOffset) ? opts.specificOffset : zoneToUse.offset(tsNow),
      containsOrdinal = !isUndefined(normalized.ordinal),
      containsGregorYear = !isUndefined(normalized.year),
      containsGregorMD = !isUndefined(normalized.month) || !isUndefined(normalized.day),
      containsGregor = containsGregorYear || containsGregorMD,
      definiteWeekDef = normalized.weekYear || normalized.weekNumber;

    // cases:
    // just a weekday -> this week's instance of that weekday, no worries
    // (gregorian data or ordinal) + (weekYear or weekNumber) -> error
    // (gregorian month or day) + ordinal -> error
    // otherwise just use weeks or ordinals or gregorian, depending on what's specified

    if ((containsGregor || containsOrdinal) && definiteWeekDef) {
      throw new ConflictingSpecificationError("Can't mix weekYear/weekNumber units with year/month/day or ordinals");
    }
    if (containsGregorMD && containsOrdinal) {
      throw new ConflictingSpecificationError("Can't mix ordinal dates with month/day");
    }
    const useWeekData = definiteWeekDef || normalized.weekday && !containsGregor;

    // configure ourselves to deal with gregorian dates or week stuff
    let units,
      defaultValues,
      objNow = tsToObj(tsNow, offsetProvis);
    if (useWeekData) {
      units = orderedWeekUnits;
      defaultValues = defaultWeekUnitValues;
      objNow = gregorianToWeek(objNow, minDaysInFirstWeek, startOfWeek);
    } else if (containsOrdinal) {
      units = orderedOrdinalUnits;
      defaultValues = defaultOrdinalUnitValues;
      objNow = gregorianToOrdinal(objNow);
    } else {
      units = orderedUnits;
      defaultValues = defaultUnitValues;
    }

    // set default values for missing stuff
    let foundFirst = false;
    for (const u of units) {
      const v = normalized[u];
      if (!isUndefined(v)) {
        foundFirst = true;
      } else if (foundFirst) {
        normalized[u] = defaultValues[u];
      } else {
        normalized[u] = objNow[u];
      }
    }

    // make sure the values we have are in range
    const higherOrderInvalid = useWeekData ? hasInvalidWeekData(normalized, minDaysInFirstWeek, startOfWeek) : containsOrdinal ? hasInvalidOrdinalData(normalized) : hasInvalidGregorianData(normalized),
      invalid = higherOrderInvalid || hasInvalidTimeData(normalized);
    if (invalid) {
      return DateTime.invalid(invalid);
    }

    // compute the actual time
    const gregorian = useWeekData ? weekToGregorian(normalized, minDaysInFirstWeek, startOfWeek) : containsOrdinal ? ordinalToGregorian(normalized) : normalized,
      [tsFinal, offsetFinal] = objToTS(gregorian, offsetProvis, zoneToUse),
      inst = new DateTime({
        ts: tsFinal,
        zone: zoneToUse,
        o: offsetFinal,
        loc
      });

    // gregorian data + weekday serves only to validate
    if (normalized.weekday && containsGregor && obj.weekday !== inst.weekday) {
      return DateTime.invalid("mismatched weekday", `you can't specify both a weekday of ${normalized.weekday} and a date of ${inst.toISO()}`);
    }
    if (!inst.isValid) {
      return DateTime.invalid(inst.invalid);
    }
    return inst;
  }

  /**
   * Create a DateTime from an ISO 8601 string
   * @param {string} text - the ISO string
   * @param {Object} opts - options to affect the creation
   * @param {string|Zone} [opts.zone='local'] - use this zone if no offset is specified in the input string itself. Will also convert the time to this zone
   * @param {boolean} [opts.setZone=false] - override the zone with a fixed-offset zone specified in the string itself, if it specifies one
   * @param {string} [opts.locale='system's locale'] - a locale to set on the resulting DateTime instance
   * @param {string} [opts.outputCalendar] - the output calendar to set on the resulting DateTime instance
   * @param {string} [opts.numberingSystem] - the numbering system to set on the resulting DateTime instance
   * @param {string} [opts.weekSettings] - the week settings to set on the resulting DateTime instance
   * @example DateTime.fromISO('2016-05-25T09:08:34.123')
   * @example DateTime.fromISO('2016-05-25T09:08:34.123+06:00')
   * @example DateTime.fromISO('2016-05-25T09:08:34.123+06:00', {setZone: true})
   * @example DateTime.fromISO('2016-05-25T09:08:34.123', {zone: 'utc'})
   * @example DateTime.fromISO('2016-W05-4')
   * @return {DateTime}
   */
  static fromISO(text, opts = {}) {
    const [vals, parsedZone] = parseISODate(text);
    return parseDataToDateTime(vals, parsedZone, opts, "ISO 8601", text);
  }

  /**
   * Create a DateTime from an RFC 2822 string
   * @param {string} text - the RFC 2822 string
   * @param {Object} opts - options to affect the creation
   * @param {string|Zone} [opts.zone='local'] - convert the time to this zone. Since the offset is always specified in the string itself, this has no effect on the interpretation of string, merely the zone the resulting DateTime is expressed in.
   * @param {boolean} [opts.setZone=false] - override the zone with a fixed-offset zone specified in the string itself, if it specifies one
   * @param {string} [opts.locale='system's locale'] - a locale to set on the resulting DateTime instance
   * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
   * @param {string} opts.numberingSystem - the numbering system to set on the resulting DateTime instance
   * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
   * @example DateTime.fromRFC2822('25 Nov 2016 13:23:12 GMT')
   * @example DateTime.fromRFC2822('Fri, 25 Nov 2016 13:23:12 +0600')
   * @example DateTime.fromRFC2822('25 Nov 2016 13:23 Z')
   * @return {DateTime}
   */
  static fromRFC2822(text, opts = {}) {
    const [vals, parsedZone] = parseRFC2822Date(text);
    return parseDataToDateTime(vals, parsedZone, opts, "RFC 2822", text);
  }

  /**
   * Create a DateTime from an HTTP header date
   * @see https://www.w3.org/Protocols/rfc2616/rfc2616-sec3.html#sec3.3.1
   * @param {string} text - the HTTP header date
   * @param {Object} opts - options to affect the creation
   * @param {string|Zone} [opts.zone='local'] - convert the time to this zone. Since HTTP dates are always in UTC, this has no effect on the interpretation of string, merely the zone the resulting DateTime is expressed in.
   * @param {boolean} [opts.setZone=false] - override the zone with the fixed-offset zone specified in the string. For HTTP dates, this is always UTC, so this option is equivalent to setting the `zone` option to 'utc', but this option is included for consistency with similar methods.
   * @param {string} [opts.locale='system's locale'] - a locale to set on the resulting DateTime instance
   * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
   * @param {string} opts.numberingSystem - the numbering system to set on the resulting DateTime instance
   * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
   * @example DateTime.fromHTTP('Sun, 06 Nov 1994 08:49:37 GMT')
   * @example DateTime.fromHTTP('Sunday, 06-Nov-94 08:49:37 GMT')
   * @example DateTime.fromHTTP('Sun Nov  6 08:49:37 1994')
   * @return {DateTime}
   */
  static fromHTTP(text, opts = {}) {
    const [vals, parsedZone] = parseHTTPDate(text);
    return parseDataToDateTime(vals, parsedZone, opts, "HTTP", opts);
  }

  /**
   * Create a DateTime from an input string and format string.
   * Defaults to en-US if no locale has been specified, regardless of the system's locale. For a table of tokens and their interpretations, see [here](https://moment.github.io/luxon/#/parsing?id=table-of-tokens).
   * @param {string} text - the string to parse
   * @param {string} fmt - the format the string is expected to be in (see the link below for the formats)
   * @param {Object} opts - options to affect the creation
   * @param {string|Zone} [opts.zone='local'] - use this zone if no offset is specified in the input string itself. Will also convert the DateTime to this zone
   * @param {boolean} [opts.setZone=false] - override the zone with a zone specified in the string itself, if it specifies one
   * @param {string} [opts.locale='en-US'] - a locale string to use when parsing. Will also set the DateTime to this locale
   * @param {string} opts.numberingSystem - the numbering system to use when parsing. Will also set the resulting DateTime to this numbering system
   * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
   * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
   * @return {DateTime}
   */
  static fromFormat(text, fmt, opts = {}) {
    if (isUndefined(text) || isUndefined(fmt)) {
      throw new InvalidArgumentError("fromFormat requires an input string and a format");
    }
    const {
        locale = null,
        numberingSystem = null
      } = opts,
      localeToUse = Locale.fromOpts({
        locale,
        numberingSystem,
        defaultToEN: true
      }),
      [vals, parsedZone, specificOffset, invalid] = parseFromTokens(localeToUse, text, fmt);
    if (invalid) {
      return DateTime.invalid(invalid);
    } else {
      return parseDataToDateTime(vals, parsedZone, opts, `format ${fmt}`, text, specificOffset);
    }
  }

  /**
   * @deprecated use fromFormat instead
   */
  static fromString(text, fmt, opts = {}) {
    return DateTime.fromFormat(text, fmt, opts);
  }

  /**
   * Create a DateTime from a SQL date, time, or datetime
   * Defaults to en-US if no locale has been specified, regardless of the system's locale
   * @param {string} text - the string to parse
   * @param {Object} opts - options to affect the creation
   * @param {string|Zone} [opts.zone='local'] - use this zone if no offset is specified in the input string itself. Will also convert the DateTime to this zone
   * @param {boolean} [opts.setZone=false] - override the zone with a zone specified in the string itself, if it specifies one
   * @param {string} [opts.locale='en-US'] - a locale string to use when parsing. Will also set the DateTime to this locale
   * @param {string} opts.numberingSystem - the numbering system to use when parsing. Will also set the resulting DateTime to this numbering system
   * @param {string} opts.weekSettings - the week settings to set on the resulting DateTime instance
   * @param {string} opts.outputCalendar - the output calendar to set on the resulting DateTime instance
   * @example DateTime.fromSQL('2017-05-15')
   * @example DateTime.fromSQL('2017-05-15 09:12:34')
   * @example DateTime.fromSQL('2017-05-15 09:12:34.342')
   * @example DateTime.fromSQL('2017-05-15 09:12:34.342+06:00')
   * @example DateTime.fromSQL('2017-05-15 09:12:34.342 America/Los_Angeles')
   * @example DateTime.fromSQL('2017-05-15 09:12:34.342 America/Los_Angeles', { setZone: true })
   * @example DateTime.fromSQL('2017-05-15 09:12:34.342', { zone: 'America/Los_Angeles' })
   * @example DateTime.fromSQL('09:12:34.342')
   * @return {DateTime}
   */
  static fromSQL(text, opts = {}) {
    const [vals, parsedZone] = parseSQL(text);
    return parseDataToDateTime(vals, parsedZone, opts, "SQL", text);
  }

  /**
   * Create an invalid DateTime.
   * @param {string} reason - simple string of why this DateTime is invalid. Should not contain parameters or anything else data-dependent.
   * @param {string} [explanation=null] - longer explanation, may include parameters and other useful debugging information
   * @return {DateTime}
   */
  static invalid(reason, explanation = null) {
    if (!reason) {
      throw new InvalidArgumentError("need to specify a reason the DateTime is invalid");
    }
    const invalid = reason instanceof Invalid ? reason : new Invalid(reason, explanation);
    if (Settings.throwOnInvalid) {
      throw new InvalidDateTimeError(invalid);
    } else {
      return new DateTime({
        invalid
      });
    }
  }

  /**
   * Check if an object is an instance of DateTime. Works across context boundaries
   * @param {object} o
   * @return {boolean}
   */
  static isDateTime(o) {
    return o && o.isLuxonDateTime || false;
  }

  /**
   * Produce the format string for a set of options
   * @param formatOpts
   * @param localeOpts
   * @returns {string}
   */
  static parseFormatForOpts(formatOpts, localeOpts = {}) {
    const tokenList = formatOptsToTokens(formatOpts, Locale.fromObject(localeOpts));
    return !tokenList ? null : tokenList.map(t => t ? t.val : null).join("");
  }

  /**
   * Produce the the fully expanded format token for the locale
   * Does NOT quote characters, so quoted tokens will not round trip correctly
   * @param fmt
   * @param localeOpts
   * @returns {string}
   */
  static expandFormat(fmt, localeOpts = {}) {
    const expanded = expandMacroTokens(Formatter.parseFormat(fmt), Locale.fromObject(localeOpts));
    return expanded.map(t => t.val).join("");
  }
  static resetCache() {
    zoneOffsetTs = undefined;
    zoneOffsetGuessCache.clear();
  }

  // INFO

  /**
   * Get the value of unit.
   * @param {string} unit - a unit such as 'minute' or 'day'
   * @example DateTime.local(2017, 7, 4).get('month'); //=> 7
   * @example DateTime.local(2017, 7, 4).get('day'); //=> 4
   * @return {number}
   */
  get(unit) {
    return this[unit];
  }

  /**
   * Returns whether the DateTime is valid. Invalid DateTimes occur when:
   * * The DateTime was created from invalid calendar information, such as the 13th month or February 30
   * * The DateTime was created by an operation on another invalid date
   * @type {boolean}
   */
  get isValid() {
    return this.invalid === null;
  }

  /**
   * Returns an error code if this DateTime is invalid, or null if the DateTime is valid
   * @type {string}
   */
  get invalidReason() {
    return this.invalid ? this.invalid.reason : null;
  }

  /**
   * Returns an explanation of why this DateTime became invalid, or null if the DateTime is valid
   * @type {string}
   */
  get invalidExplanation() {
    return this.invalid ? this.invalid.explanation : null;
  }

  /**
   * Get the locale of a DateTime, such 'en-GB'. The locale is used when formatting the DateTime
   *
   * @type {string}
   */
  get locale() {
    return this.isValid ? this.loc.locale : null;
  }

  /**
   * Get the numbering system of a DateTime, such 'beng'. The numbering system is used when formatting the DateTime
   *
   * @type {string}
   */
  get numberingSystem() {
    return this.isValid ? this.loc.numberingSystem : null;
  }

  /**
   * Get the output calendar of a DateTime, such 'islamic'. The output calendar is used when formatting the DateTime
   *
   * @type {string}
   */
  get outputCalendar() {
    return this.isValid ? this.loc.outputCalendar : null;
  }

  /**
   * Get the time zone associated with this DateTime.
   * @type {Zone}
   */
  get zone() {
    return this._zone;
  }

  /**
   * Get the name of the time zone.
   * @type {string}
   */
  get zoneName() {
    return this.isValid ? this.zone.name : null;
  }

  /**
   * Get the year
   * @example DateTime.local(2017, 5, 25).year //=> 2017
   * @type {number}
   */
  get year() {
    return this.isValid ? this.c.year : NaN;
  }

  /**
   * Get the quarter
   * @example DateTime.local(2017, 5, 25).quarter //=> 2
   * @type {number}
   */
  get quarter() {
    return this.isValid ? Math.ceil(this.c.month / 3) : NaN;
  }

  /**
   * Get the month (1-12).
   * @example DateTime.local(2017, 5, 25).month //=> 5
   * @type {number}
   */
  get month() {
    return this.isValid ? this.c.month : NaN;
  }

  /**
   * Get the day of the month (1-30ish).
   * @example DateTime.local(2017, 5, 25).day //=> 25
   * @type {number}
   */
  get day() {
    return this.isValid ? this.c.day : NaN;
  }

  /**
   * Get the hour of the day (0-23).
   * @example DateTime.local(2017, 5, 25, 9).hour //=> 9
   * @type {number}
   */
  get hour() {
    return this.isValid ? this.c.hour : NaN;
  }

  /**
   * Get the minute of the hour (0-59).
   * @example DateTime.local(2017, 5, 25, 9, 30).minute //=> 30
   * @type {number}
   */
  get minute() {
    return this.isValid ? this.c.minute : NaN;
  }

  /**
   * Get the second of the minute (0-59).
   * @example DateTime.local(2017, 5, 25, 9, 30, 52).second //=> 52
   * @type {number}
   */
  get second() {
    return this.isValid ? this.c.second : NaN;
  }

  /**
   * Get the millisecond of the second (0-999).
   * @example DateTime.local(2017, 5, 25, 9, 30, 52, 654).millisecond //=> 654
   * @type {number}
   */
  get millisecond() {
    return this.isValid ? this.c.millisecond : NaN;
  }

  /**
   * Get the week year
   * @see https://en.wikipedia.org/wiki/ISO_week_date
   * @example DateTime.local(2014, 12, 31).weekYear //=> 2015
   * @type {number}
   */
  get weekYear() {
    return this.isValid ? possiblyCachedWeekData(this).weekYear : NaN;
  }

  /**
   * Get the week number of the week year (1-52ish).
   * @see https://en.wikipedia.org/wiki/ISO_week_date
   * @example DateTime.local(2017, 5, 25).weekNumber //=> 21
   * @type {number}
   */
  get weekNumber() {
    return this.isValid ? possiblyCachedWeekData(this).weekNumber : NaN;
  }

  /**
   * Get the day of the week.
   * 1 is Monday and 7 is Sunday
   * @see https://en.wikipedia.org/wiki/ISO_week_date
   * @example DateTime.local(2014, 11, 31).weekday //=> 4
   * @type {number}
   */
  get weekday() {
    return this.isValid ? possiblyCachedWeekData(this).weekday : NaN;
  }

  /**
   * Returns true if this date is on a weekend according to the locale, false otherwise
   * @returns {boolean}
   */
  get isWeekend() {
    return this.isValid && this.loc.getWeekendDays().includes(this.weekday);
  }

  /**
   * Get the day of the week according to the locale.
   * 1 is the first day of the week and 7 is the last day of the week.
   * If the locale assigns Sunday as the first day of the week, then a date which is a Sunday will return 1,
   * @returns {number}
   */
  get localWeekday() {
    return this.isValid ? possiblyCachedLocalWeekData(this).weekday : NaN;
  }

  /**
   * Get the week number of the week year according to the locale. Different locales assign week numbers differently,
   * because the week can start on different days of the week (see localWeekday) and because a different number of days
   * is required for a week to count as the first week of a year.
   * @returns {number}
   */
  get localWeekNumber() {
    return this.isValid ? possiblyCachedLocalWeekData(this).weekNumber : NaN;
  }

  /**
   * Get the week year according to the locale. Different locales assign week numbers (and therefor week years)
   * differently, see localWeekNumber.
   * @returns {number}
   */
  get localWeekYear() {
    return this.isValid ? possiblyCachedLocalWeekData(this).weekYear : NaN;
  }

  /**
   * Get the ordinal (meaning the day of the year)
   * @example DateTime.local(2017, 5, 25).ordinal //=> 145
   * @type {number|DateTime}
   */
  get ordinal() {
    return this.isValid ? gregorianToOrdinal(this.c).ordinal : NaN;
  }

  /**
   * Get the human readable short month name, such as 'Oct'.
   * Defaults to the system's locale if no locale has been specified
   * @example DateTime.local(2017, 10, 30).monthShort //=> Oct
   * @type {string}
   */
  get monthShort() {
    return this.isValid ? Info.months("short", {
      locObj: this.loc
    })[this.month - 1] : null;
  }

  /**
   * Get the human readable long month name, such as 'October'.
   * Defaults to the system's locale if no locale has been specified
   * @example DateTime.local(2017, 10, 30).monthLong //=> October
   * @type {string}
   */
  get monthLong() {
    return this.isValid ? Info.months("long", {
      locObj: this.loc
    })[this.month - 1] : null;
  }

  /**
   * Get the human readable short weekday, such as 'Mon'.
   * Defaults to the system's locale if no locale has been specified
   * @example DateTime.local(2017, 10, 30).weekdayShort //=> Mon
   * @type {string}
   */
  get weekdayShort() {
    return this.isValid ? Info.weekdays("short", {
      locObj: this.loc
    })[this.weekday - 1] : null;
  }

  /**
   * Get the human readable long weekday, such as 'Monday'.
   * Defaults to the system's locale if no locale has been specified
   * @example DateTime.local(2017, 10, 30).weekdayLong //=> Monday
   * @type {string}
   */
  get weekdayLong() {
    return this.isValid ? Info.weekdays("long", {
      locObj: this.loc
    })[this.weekday - 1] : null;
  }

  /**
   * Get the UTC offset of this DateTime in minutes
   * @example DateTime.now().offset //=> -240
   * @example DateTime.utc().offset //=> 0
   * @type {number}
   */
  get offset() {
    return this.isValid ? +this.o : NaN;
  }

  /**
   * Get the short human name for the zone's current offset, for example "EST" or "EDT".
   * Defaults to the system's locale if no locale has been specified
   * @type {string}
   */
  get offsetNameShort() {
    if (this.isValid) {
      return this.zone.offsetName(this.ts, {
        format: "short",
        locale: this.locale
      });
    } else {
      return null;
    }
  }

  /**
   * Get the long human name for the zone's current offset, for example "Eastern Standard Time" or "Eastern Daylight Time".
   * Defaults to the system's locale if no locale has been specified
   * @type {string}
   */
  get offsetNameLong() {
    if (this.isValid) {
      return this.zone.offsetName(this.ts, {
        format: "long",
        locale: this.locale
      });
    } else {
      return null;
    }
  }

  /**
   * Get whether this zone's offset ever changes, as in a DST.
   * @type {boolean}
   */
  get isOffsetFixed() {
    return this.isValid ? this.zone.isUniversal : null;
  }

  /**
   * Get whether the DateTime is in a DST.
   * @type {boolean}
   */
  get isInDST() {
    if (this.isOffsetFixed) {
      return false;
    } else {
      return this.offset > this.set({
        month: 1,
        day: 1
      }).offset || this.offset > this.set({
        month: 5
      }).offset;
    }
  }

  /**
   * Get those DateTimes which have the same local time as this DateTime, but a different offset from UTC
   * in this DateTime's zone. During DST changes local time can be ambiguous, for example
   * `2023-10-29T02:30:00` in `Europe/Berlin` can have offset `+01:00` or `+02:00`.
   * This method will return both possible DateTimes if this DateTime's local time is ambiguous.
   * @returns {DateTime[]}
   */
  getPossibleOffsets() {
    if (!this.isValid || this.isOffsetFixed) {
      return [this];
    }
    const dayMs = 86400000;
    const minuteMs = 60000;
    const localTS = objToLocalTS(this.c);
    const oEarlier = this.zone.offset(localTS - dayMs);
    const oLater = this.zone.offset(localTS + dayMs);
    const o1 = this.zone.offset(localTS - oEarlier * minuteMs);
    const o2 = this.zone.offset(localTS - oLater * minuteMs);
    if (o1 === o2) {
      return [this];
    }
    const ts1 = localTS - o1 * minuteMs;
    const ts2 = localTS - o2 * minuteMs;
    const c1 = tsToObj(ts1, o1);
    const c2 = tsToObj(ts2, o2);
    if (c1.hour === c2.hour && c1.minute === c2.minute && c1.second === c2.second && c1.millisecond === c2.millisecond) {
      return [clone(this, {
        ts: ts1
      }), clone(this, {
        ts: ts2
      })];
    }
    return [this];
  }

  /**
   * Returns true if this DateTime is in a leap year, false otherwise
   * @example DateTime.local(2016).isInLeapYear //=> true
   * @example DateTime.local(2013).isInLeapYear //=> false
   * @type {boolean}
   */
  get isInLeapYear() {
    return isLeapYear(this.year);
  }

  /**
   * Returns the number of days in this DateTime's month
   * @example DateTime.local(2016, 2).daysInMonth //=> 29
   * @example DateTime.local(2016, 3).daysInMonth //=> 31
   * @type {number}
   */
  get daysInMonth() {
    return daysInMonth(this.year, this.month);
  }

  /**
   * Returns the number of days in this DateTime's year
   * @example DateTime.local(2016).daysInYear //=> 366
   * @example DateTime.local(2013).daysInYear //=> 365
   * @type {number}
   */
  get daysInYear() {
    return this.isValid ? daysInYear(this.year) : NaN;
  }

  /**
   * Returns the number of weeks in this DateTime's year
   * @see https://en.wikipedia.org/wiki/ISO_week_date
   * @example DateTime.local(2004).weeksInWeekYear //=> 53
   * @example DateTime.local(2013).weeksInWeekYear //=> 52
   * @type {number}
   */
  get weeksInWeekYear() {
    return this.isValid ? weeksInWeekYear(this.weekYear) : NaN;
  }

  /**
   * Returns the number of weeks in this DateTime's local week year
   * @example DateTime.local(2020, 6, {locale: 'en-US'}).weeksInLocalWeekYear //=> 52
   * @example DateTime.local(2020, 6, {locale: 'de-DE'}).weeksInLocalWeekYear //=> 53
   * @type {number}
   */
  get weeksInLocalWeekYear() {
    return this.isValid ? weeksInWeekYear(this.localWeekYear, this.loc.getMinDaysInFirstWeek(), this.loc.getStartOfWeek()) : NaN;
  }

  /**
   * Returns the resolved Intl options for this DateTime.
   * This is useful in understanding the behavior of formatting methods
   * @param {Object} opts - the same options as toLocaleString
   * @return {Object}
   */
  resolvedLocaleOptions(opts = {}) {
    const {
      locale,
      numberingSystem,
      calendar
    } = Formatter.create(this.loc.clone(opts), opts).resolvedOptions(this);
    return {
      locale,
      numberingSystem,
      outputCalendar: calendar
    };
  }

  // TRANSFORM

  /**
   * "Set" the DateTime's zone to UTC. Returns a newly-constructed DateTime.
   *
   * Equivalent to {@link DateTime#setZone}('utc')
   * @param {number} [offset=0] - optionally, an offset from UTC in minutes
   * @param {Object} [opts={}] - options to pass to `setZone()`
   * @return {DateTime}
   */
  toUTC(offset = 0, opts = {}) {
    return this.setZone(FixedOffsetZone.instance(offset), opts);
  }

  /**
   * "Set" the DateTime's zone to the host's local zone. Returns a newly-constructed DateTime.
   *
   * Equivalent to `setZone('local')`
   * @return {DateTime}
   */
  toLocal() {
    return this.setZone(Settings.defaultZone);
  }

  /**
   * "Set" the DateTime's zone to specified zone. Returns a newly-constructed DateTime.
   *
   * By default, the setter keeps the underlying time the same (as in, the same timestamp), but the new instance will report different local times and consider DSTs when making computations, as with {@link DateTime#plus}. You may wish to use {@link DateTime#toLocal} and {@link DateTime#toUTC} which provide simple convenience wrappers for commonly used zones.
   * @param {string|Zone} [zone='local'] - a zone identifier. As a string, that can be any IANA zone supported by the host environment, or a fixed-offset name of the form 'UTC+3', or the strings 'local' or 'utc'. You may also supply an instance of a {@link DateTime#Zone} class.
   * @param {Object} opts - options
   * @param {boolean} [opts.keepLocalTime=false] - If true, adjust the underlying time so that the local time stays the same, but in the target zone. You should rarely need this.
   * @return {DateTime}
   */
  setZone(zone, {
    keepLocalTime = false,
    keepCalendarTime = false
  } = {}) {
    zone = normalizeZone(zone, Settings.defaultZone);
    if (zone.equals(this.zone)) {
      return this;
    } else if (!zone.isValid) {
      return DateTime.invalid(unsupportedZone(zone));
    } else {
      let newTS = this.ts;
      if (keepLocalTime || keepCalendarTime) {
        const offsetGuess = zone.offset(this.ts);
        const asObj = this.toObject();
        [newTS] = objToTS(asObj, offsetGuess, zone);
      }
      return clone(this, {
        ts: newTS,
        zone
      });
    }
  }

  /**
   * "Set" the locale, numberingSystem, or outputCalendar. Returns a newly-constructed DateTime.
   * @param {Object} properties - the properties to set
   * @example DateTime.local(2017, 5, 25).reconfigure({ locale: 'en-GB' })
   * @return {DateTime}
   */
  reconfigure({
    locale,
    numberingSystem,
    outputCalendar
  } = {}) {
    const loc = this.loc.clone({
      locale,
      numberingSystem,
      outputCalendar
    });
    return clone(this, {
      loc
    });
  }

  /**
   * "Set" the locale. Returns a newly-constructed DateTime.
   * Just a convenient alias for reconfigure({ locale })
   * @example DateTime.local(2017, 5, 25).setLocale('en-GB')
   * @return {DateTime}
   */
  setLocale(locale) {
    return this.reconfigure({
      locale
    });
  }

  /**
   * "Set" the values of specified units. Returns a newly-constructed DateTime.
   * You can only set units with this method; for "setting" metadata, see {@link DateTime#reconfigure} and {@link DateTime#setZone}.
   *
   * This method also supports setting locale-based week units, i.e. `localWeekday`, `localWeekNumber` and `localWeekYear`.
   * They cannot be mixed with ISO-week units like `weekday`.
   * @param {Object} values - a mapping of units to numbers
   * @example dt.set({ year: 2017 })
   * @example dt.set({ hour: 8, minute: 30 })
   * @example dt.set({ weekday: 5 })
   * @example dt.set({ year: 2005, ordinal: 234 })
   * @return {DateTime}
   */
  set(values) {
    if (!this.isValid) return this;
    const normalized = normalizeObject(values, normalizeUnitWithLocalWeeks);
    const {
      minDaysInFirstWeek,
      startOfWeek
    } = usesLocalWeekValues(normalized, this.loc);
    const settingWeekStuff = !isUndefined(normalized.weekYear) || !isUndefined(normalized.weekNumber) || !isUndefined(normalized.weekday),
      containsOrdinal = !isUndefined(normalized.ordinal),
      containsGregorYear = !isUndefined(normalized.year),
      containsGregorMD = !isUndefined(normalized.month) || !isUndefined(normalized.day),
      containsGregor = containsGregorYear || containsGregorMD,
      definiteWeekDef = normalized.weekYear || normalized.weekNumber;
    if ((containsGregor || containsOrdinal) && definiteWeekDef) {
      throw new ConflictingSpecificationError("Can't mix weekYear/weekNumber units with year/month/day or ordinals");
    }
    if (containsGregorMD && containsOrdinal) {
      throw new ConflictingSpecificationError("Can't mix ordinal dates with month/day");
    }
    let mixed;
    if (settingWeekStuff) {
      mixed = weekToGregorian({
        ...gregorianToWeek(this.c, minDaysInFirstWeek, startOfWeek),
        ...normalized
      }, minDaysInFirstWeek, startOfWeek);
    } else if (!isUndefined(normalized.ordinal)) {
      mixed = ordinalToGregorian({
        ...gregorianToOrdinal(this.c),
        ...normalized
      });
    } else {
      mixed = {
        ...this.toObject(),
        ...normalized
      };

      // if we didn't set the day but we ended up on an overflow date,
      // use the last day of the right month
      if (isUndefined(normalized.day)) {
        mixed.day = Math.min(daysInMonth(mixed.year, mixed.month), mixed.day);
      }
    }
    const [ts, o] = objToTS(mixed, this.o, this.zone);
    return clone(this, {
      ts,
      o
    });
  }

  /**
   * Add a period of time to this DateTime and return the resulting DateTime
   *
   * Adding hours, minutes, seconds, or milliseconds increases the timestamp by the right number of milliseconds. Adding days, months, or years shifts the calendar, accounting for DSTs and leap years along the way. Thus, `dt.plus({ hours: 24 })` may result in a different time than `dt.plus({ days: 1 })` if there's a DST shift in between.
   * @param {Duration|Object|number} duration - The amount to add. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
   * @example DateTime.now().plus(123) //~> in 123 milliseconds
   * @example DateTime.now().plus({ minutes: 15 }) //~> in 15 minutes
   * @example DateTime.now().plus({ days: 1 }) //~> this time tomorrow
   * @example DateTime.now().plus({ days: -1 }) //~> this time yesterday
   * @example DateTime.now().plus({ hours: 3, minutes: 13 }) //~> in 3 hr, 13 min
   * @example DateTime.now().plus(Duration.fromObject({ hours: 3, minutes: 13 })) //~> in 3 hr, 13 min
   * @return {DateTime}
   */
  plus(duration) {
    if (!this.isValid) return this;
    const dur = Duration.fromDurationLike(duration);
    return clone(this, adjustTime(this, dur));
  }

  /**
   * Subtract a period of time to this DateTime and return the resulting DateTime
   * See {@link DateTime#plus}
   * @param {Duration|Object|number} duration - The amount to subtract. Either a Luxon Duration, a number of milliseconds, the object argument to Duration.fromObject()
   @return {DateTime}
   */
  minus(duration) {
    if (!this.isValid) return this;
    const dur = Duration.fromDurationLike(duration).negate();
    return clone(this, adjustTime(this, dur));
  }

  /**
   * "Set" this DateTime to the beginning of a unit of time.
   * @param {string} unit - The unit to go to the beginning of. Can be 'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', or 'millisecond'.
   * @param {Object} opts - options
   * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week
   * @example DateTime.local(2014, 3, 3).startOf('month').toISODate(); //=> '2014-03-01'
   * @example DateTime.local(2014, 3, 3).startOf('year').toISODate(); //=> '2014-01-01'
   * @example DateTime.local(2014, 3, 3).startOf('week').toISODate(); //=> '2014-03-03', weeks always start on Mondays
   * @example DateTime.local(2014, 3, 3, 5, 30).startOf('day').toISOTime(); //=> '00:00.000-05:00'
   * @example DateTime.local(2014, 3, 3, 5, 30).startOf('hour').toISOTime(); //=> '05:00:00.000-05:00'
   * @return {DateTime}
   */
  startOf(unit, {
    useLocaleWeeks = false
  } = {}) {
    if (!this.isValid) return this;
    const o = {},
      normalizedUnit = Duration.normalizeUnit(unit);
    switch (normalizedUnit) {
      case "years":
        o.month = 1;
      // falls through
      case "quarters":
      case "months":
        o.day = 1;
      // falls through
      case "weeks":
      case "days":
        o.hour = 0;
      // falls through
      case "hours":
        o.minute = 0;
      // falls through
      case "minutes":
        o.second = 0;
      // falls through
      case "seconds":
        o.millisecond = 0;
        break;
      // no default, invalid units throw in normalizeUnit()
    }

    if (normalizedUnit === "weeks") {
      if (useLocaleWeeks) {
        const startOfWeek = this.loc.getStartOfWeek();
        const {
          weekday
        } = this;
        if (weekday < startOfWeek) {
          o.weekNumber = this.weekNumber - 1;
        }
        o.weekday = startOfWeek;
      } else {
        o.weekday = 1;
      }
    }
    if (normalizedUnit === "quarters") {
      const q = Math.ceil(this.month / 3);
      o.month = (q - 1) * 3 + 1;
    }
    return this.set(o);
  }

  /**
   * "Set" this DateTime to the end (meaning the last millisecond) of a unit of time
   * @param {string} unit - The unit to go to the end of. Can be 'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', or 'millisecond'.
   * @param {Object} opts - options
   * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week
   * @example DateTime.local(2014, 3, 3).endOf('month').toISO(); //=> '2014-03-31T23:59:59.999-05:00'
   * @example DateTime.local(2014, 3, 3).endOf('year').toISO(); //=> '2014-12-31T23:59:59.999-05:00'
   * @example DateTime.local(2014, 3, 3).endOf('week').toISO(); // => '2014-03-09T23:59:59.999-05:00', weeks start on Mondays
   * @example DateTime.local(2014, 3, 3, 5, 30).endOf('day').toISO(); //=> '2014-03-03T23:59:59.999-05:00'
   * @example DateTime.local(2014, 3, 3, 5, 30).endOf('hour').toISO(); //=> '2014-03-03T05:59:59.999-05:00'
   * @return {DateTime}
   */
  endOf(unit, opts) {
    return this.isValid ? this.plus({
      [unit]: 1
    }).startOf(unit, opts).minus(1) : this;
  }

  // OUTPUT

  /**
   * Returns a string representation of this DateTime formatted according to the specified format string.
   * **You may not want this.** See {@link DateTime#toLocaleString} for a more flexible formatting tool. For a table of tokens and their interpretations, see [here](https://moment.github.io/luxon/#/formatting?id=table-of-tokens).
   * Defaults to en-US if no locale has been specified, regardless of the system's locale.
   * @param {string} fmt - the format string
   * @param {Object} opts - opts to override the configuration options on this DateTime
   * @example DateTime.now().toFormat('yyyy LLL dd') //=> '2017 Apr 22'
   * @example DateTime.now().setLocale('fr').toFormat('yyyy LLL dd') //=> '2017 avr. 22'
   * @example DateTime.now().toFormat('yyyy LLL dd', { locale: "fr" }) //=> '2017 avr. 22'
   * @example DateTime.now().toFormat("HH 'hours and' mm 'minutes'") //=> '20 hours and 55 minutes'
   * @return {string}
   */
  toFormat(fmt, opts = {}) {
    return this.isValid ? Formatter.create(this.loc.redefaultToEN(opts)).formatDateTimeFromString(this, fmt) : INVALID;
  }

  /**
   * Returns a localized string representing this date. Accepts the same options as the Intl.DateTimeFormat constructor and any presets defined by Luxon, such as `DateTime.DATE_FULL` or `DateTime.TIME_SIMPLE`.
   * The exact behavior of this method is browser-specific, but in general it will return an appropriate representation
   * of the DateTime in the assigned locale.
   * Defaults to the system's locale if no locale has been specified
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat
   * @param formatOpts {Object} - Intl.DateTimeFormat constructor options and configuration options
   * @param {Object} opts - opts to override the configuration options on this DateTime
   * @example DateTime.now().toLocaleString(); //=> 4/20/2017
   * @example DateTime.now().setLocale('en-gb').toLocaleString(); //=> '20/04/2017'
   * @example DateTime.now().toLocaleString(DateTime.DATE_FULL); //=> 'April 20, 2017'
   * @example DateTime.now().toLocaleString(DateTime.DATE_FULL, { locale: 'fr' }); //=> '28 août 2022'
   * @example DateTime.now().toLocaleString(DateTime.TIME_SIMPLE); //=> '11:32 AM'
   * @example DateTime.now().toLocaleString(DateTime.DATETIME_SHORT); //=> '4/20/2017, 11:32 AM'
   * @example DateTime.now().toLocaleString({ weekday: 'long', month: 'long', day: '2-digit' }); //=> 'Thursday, April 20'
   * @example DateTime.now().toLocaleString({ weekday: 'short', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }); //=> 'Thu, Apr 20, 11:27 AM'
   * @example DateTime.now().toLocaleString({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }); //=> '11:32'
   * @return {string}
   */
  toLocaleString(formatOpts = DATE_SHORT, opts = {}) {
    return this.isValid ? Formatter.create(this.loc.clone(opts), formatOpts).formatDateTime(this) : INVALID;
  }

  /**
   * Returns an array of format "parts", meaning individual tokens along with metadata. This is allows callers to post-process individual sections of the formatted output.
   * Defaults to the system's locale if no locale has been specified
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/DateTimeFormat/formatToParts
   * @param opts {Object} - Intl.DateTimeFormat constructor options, same as `toLocaleString`.
   * @example DateTime.now().toLocaleParts(); //=> [
   *                                   //=>   { type: 'day', value: '25' },
   *                                   //=>   { type: 'literal', value: '/' },
   *                                   //=>   { type: 'month', value: '05' },
   *                                   //=>   { type: 'literal', value: '/' },
   *                                   //=>   { type: 'year', value: '1982' }
   *                                   //=> ]
   */
  toLocaleParts(opts = {}) {
    return this.isValid ? Formatter.create(this.loc.clone(opts), opts).formatDateTimeParts(this) : [];
  }

  /**
   * Returns an ISO 8601-compliant string representation of this DateTime
   * @param {Object} opts - options
   * @param {boolean} [opts.suppressMilliseconds=false] - exclude milliseconds from the format if they're 0
   * @param {boolean} [opts.suppressSeconds=false] - exclude seconds from the format if they're 0
   * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
   * @param {boolean} [opts.extendedZone=false] - add the time zone format extension
   * @param {string} [opts.format='extended'] - choose between the basic and extended format
   * @param {string} [opts.precision='milliseconds'] - truncate output to desired presicion: 'years', 'months', 'days', 'hours', 'minutes', 'seconds' or 'milliseconds'. When precision and suppressSeconds or suppressMilliseconds are used together, precision sets the maximum unit shown in the output, however seconds or milliseconds will still be suppressed if they are 0.
   * @example DateTime.utc(1983, 5, 25).toISO() //=> '1982-05-25T00:00:00.000Z'
   * @example DateTime.now().toISO() //=> '2017-04-22T20:47:05.335-04:00'
   * @example DateTime.now().toISO({ includeOffset: false }) //=> '2017-04-22T20:47:05.335'
   * @example DateTime.now().toISO({ format: 'basic' }) //=> '20170422T204705.335-0400'
   * @example DateTime.now().toISO({ precision: 'day' }) //=> '2017-04-22Z'
   * @example DateTime.now().toISO({ precision: 'minute' }) //=> '2017-04-22T20:47Z'
   * @return {string|null}
   */
  toISO({
    format = "extended",
    suppressSeconds = false,
    suppressMilliseconds = false,
    includeOffset = true,
    extendedZone = false,
    precision = "milliseconds"
  } = {}) {
    if (!this.isValid) {
      return null;
    }
    precision = normalizeUnit(precision);
    const ext = format === "extended";
    let c = toISODate(this, ext, precision);
    if (orderedUnits.indexOf(precision) >= 3) c += "T";
    c += toISOTime(this, ext, suppressSeconds, suppressMilliseconds, includeOffset, extendedZone, precision);
    return c;
  }

  /**
   * Returns an ISO 8601-compliant string representation of this DateTime's date component
   * @param {Object} opts - options
   * @param {string} [opts.format='extended'] - choose between the basic and extended format
   * @param {string} [opts.precision='day'] - truncate output to desired precision: 'years', 'months', or 'days'.
   * @example DateTime.utc(1982, 5, 25).toISODate() //=> '1982-05-25'
   * @example DateTime.utc(1982, 5, 25).toISODate({ format: 'basic' }) //=> '19820525'
   * @example DateTime.utc(1982, 5, 25).toISODate({ precision: 'month' }) //=> '1982-05'
   * @return {string|null}
   */
  toISODate({
    format = "extended",
    precision = "day"
  } = {}) {
    if (!this.isValid) {
      return null;
    }
    return toISODate(this, format === "extended", normalizeUnit(precision));
  }

  /**
   * Returns an ISO 8601-compliant string representation of this DateTime's week date
   * @example DateTime.utc(1982, 5, 25).toISOWeekDate() //=> '1982-W21-2'
   * @return {string}
   */
  toISOWeekDate() {
    return toTechFormat(this, "kkkk-'W'WW-c");
  }

  /**
   * Returns an ISO 8601-compliant string representation of this DateTime's time component
   * @param {Object} opts - options
   * @param {boolean} [opts.suppressMilliseconds=false] - exclude milliseconds from the format if they're 0
   * @param {boolean} [opts.suppressSeconds=false] - exclude seconds from the format if they're 0
   * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
   * @param {boolean} [opts.extendedZone=true] - add the time zone format extension
   * @param {boolean} [opts.includePrefix=false] - include the `T` prefix
   * @param {string} [opts.format='extended'] - choose between the basic and extended format
   * @param {string} [opts.precision='milliseconds'] - truncate output to desired presicion: 'hours', 'minutes', 'seconds' or 'milliseconds'. When precision and suppressSeconds or suppressMilliseconds are used together, precision sets the maximum unit shown in the output, however seconds or milliseconds will still be suppressed if they are 0.
   * @example DateTime.utc().set({ hour: 7, minute: 34 }).toISOTime() //=> '07:34:19.361Z'
   * @example DateTime.utc().set({ hour: 7, minute: 34, seconds: 0, milliseconds: 0 }).toISOTime({ suppressSeconds: true }) //=> '07:34Z'
   * @example DateTime.utc().set({ hour: 7, minute: 34 }).toISOTime({ format: 'basic' }) //=> '073419.361Z'
   * @example DateTime.utc().set({ hour: 7, minute: 34 }).toISOTime({ includePrefix: true }) //=> 'T07:34:19.361Z'
   * @example DateTime.utc().set({ hour: 7, minute: 34, second: 56 }).toISOTime({ precision: 'minute' }) //=> '07:34Z'
   * @return {string}
   */
  toISOTime({
    suppressMilliseconds = false,
    suppressSeconds = false,
    includeOffset = true,
    includePrefix = false,
    extendedZone = false,
    format = "extended",
    precision = "milliseconds"
  } = {}) {
    if (!this.isValid) {
      return null;
    }
    precision = normalizeUnit(precision);
    let c = includePrefix && orderedUnits.indexOf(precision) >= 3 ? "T" : "";
    return c + toISOTime(this, format === "extended", suppressSeconds, suppressMilliseconds, includeOffset, extendedZone, precision);
  }

  /**
   * Returns an RFC 2822-compatible string representation of this DateTime
   * @example DateTime.utc(2014, 7, 13).toRFC2822() //=> 'Sun, 13 Jul 2014 00:00:00 +0000'
   * @example DateTime.local(2014, 7, 13).toRFC2822() //=> 'Sun, 13 Jul 2014 00:00:00 -0400'
   * @return {string}
   */
  toRFC2822() {
    return toTechFormat(this, "EEE, dd LLL yyyy HH:mm:ss ZZZ", false);
  }

  /**
   * Returns a string representation of this DateTime appropriate for use in HTTP headers. The output is always expressed in GMT.
   * Specifically, the string conforms to RFC 1123.
   * @see https://www.w3.org/Protocols/rfc2616/rfc2616-sec3.html#sec3.3.1
   * @example DateTime.utc(2014, 7, 13).toHTTP() //=> 'Sun, 13 Jul 2014 00:00:00 GMT'
   * @example DateTime.utc(2014, 7, 13, 19).toHTTP() //=> 'Sun, 13 Jul 2014 19:00:00 GMT'
   * @return {string}
   */
  toHTTP() {
    return toTechFormat(this.toUTC(), "EEE, dd LLL yyyy HH:mm:ss 'GMT'");
  }

  /**
   * Returns a string representation of this DateTime appropriate for use in SQL Date
   * @example DateTime.utc(2014, 7, 13).toSQLDate() //=> '2014-07-13'
   * @return {string|null}
   */
  toSQLDate() {
    if (!this.isValid) {
      return null;
    }
    return toISODate(this, true);
  }

  /**
   * Returns a string representation of this DateTime appropriate for use in SQL Time
   * @param {Object} opts - options
   * @param {boolean} [opts.includeZone=false] - include the zone, such as 'America/New_York'. Overrides includeOffset.
   * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
   * @param {boolean} [opts.includeOffsetSpace=true] - include the space between the time and the offset, such as '05:15:16.345 -04:00'
   * @example DateTime.utc().toSQL() //=> '05:15:16.345'
   * @example DateTime.now().toSQL() //=> '05:15:16.345 -04:00'
   * @example DateTime.now().toSQL({ includeOffset: false }) //=> '05:15:16.345'
   * @example DateTime.now().toSQL({ includeZone: false }) //=> '05:15:16.345 America/New_York'
   * @return {string}
   */
  toSQLTime({
    includeOffset = true,
    includeZone = false,
    includeOffsetSpace = true
  } = {}) {
    let fmt = "HH:mm:ss.SSS";
    if (includeZone || includeOffset) {
      if (includeOffsetSpace) {
        fmt += " ";
      }
      if (includeZone) {
        fmt += "z";
      } else if (includeOffset) {
        fmt += "ZZ";
      }
    }
    return toTechFormat(this, fmt, true);
  }

  /**
   * Returns a string representation of this DateTime appropriate for use in SQL DateTime
   * @param {Object} opts - options
   * @param {boolean} [opts.includeZone=false] - include the zone, such as 'America/New_York'. Overrides includeOffset.
   * @param {boolean} [opts.includeOffset=true] - include the offset, such as 'Z' or '-04:00'
   * @param {boolean} [opts.includeOffsetSpace=true] - include the space between the time and the offset, such as '05:15:16.345 -04:00'
   * @example DateTime.utc(2014, 7, 13).toSQL() //=> '2014-07-13 00:00:00.000 Z'
   * @example DateTime.local(2014, 7, 13).toSQL() //=> '2014-07-13 00:00:00.000 -04:00'
   * @example DateTime.local(2014, 7, 13).toSQL({ includeOffset: false }) //=> '2014-07-13 00:00:00.000'
   * @example DateTime.local(2014, 7, 13).toSQL({ includeZone: true }) //=> '2014-07-13 00:00:00.000 America/New_York'
   * @return {string}
   */
  toSQL(opts = {}) {
    if (!this.isValid) {
      return null;
    }
    return `${this.toSQLDate()} ${this.toSQLTime(opts)}`;
  }

  /**
   * Returns a string representation of this DateTime appropriate for debugging
   * @return {string}
   */
  toString() {
    return this.isValid ? this.toISO() : INVALID;
  }

  /**
   * Returns a string representation of this DateTime appropriate for the REPL.
   * @return {string}
   */
  [Symbol.for("nodejs.util.inspect.custom")]() {
    if (this.isValid) {
      return `DateTime { ts: ${this.toISO()}, zone: ${this.zone.name}, locale: ${this.locale} }`;
    } else {
      return `DateTime { Invalid, reason: ${this.invalidReason} }`;
    }
  }

  /**
   * Returns the epoch milliseconds of this DateTime. Alias of {@link DateTime#toMillis}
   * @return {number}
   */
  valueOf() {
    return this.toMillis();
  }

  /**
   * Returns the epoch milliseconds of this DateTime.
   * @return {number}
   */
  toMillis() {
    return this.isValid ? this.ts : NaN;
  }

  /**
   * Returns the epoch seconds (including milliseconds in the fractional part) of this DateTime.
   * @return {number}
   */
  toSeconds() {
    return this.isValid ? this.ts / 1000 : NaN;
  }

  /**
   * Returns the epoch seconds (as a whole number) of this DateTime.
   * @return {number}
   */
  toUnixInteger() {
    return this.isValid ? Math.floor(this.ts / 1000) : NaN;
  }

  /**
   * Returns an ISO 8601 representation of this DateTime appropriate for use in JSON.
   * @return {string}
   */
  toJSON() {
    return this.toISO();
  }

  /**
   * Returns a BSON serializable equivalent to this DateTime.
   * @return {Date}
   */
  toBSON() {
    return this.toJSDate();
  }

  /**
   * Returns a JavaScript object with this DateTime's year, month, day, and so on.
   * @param opts - options for generating the object
   * @param {boolean} [opts.includeConfig=false] - include configuration attributes in the output
   * @example DateTime.now().toObject() //=> { year: 2017, month: 4, day: 22, hour: 20, minute: 49, second: 42, millisecond: 268 }
   * @return {Object}
   */
  toObject(opts = {}) {
    if (!this.isValid) return {};
    const base = {
      ...this.c
    };
    if (opts.includeConfig) {
      base.outputCalendar = this.outputCalendar;
      base.numberingSystem = this.loc.numberingSystem;
      base.locale = this.loc.locale;
    }
    return base;
  }

  /**
   * Returns a JavaScript Date equivalent to this DateTime.
   * @return {Date}
   */
  toJSDate() {
    return new Date(this.isValid ? this.ts : NaN);
  }

  // COMPARE

  /**
   * Return the difference between two DateTimes as a Duration.
   * @param {DateTime} otherDateTime - the DateTime to compare this one to
   * @param {string|string[]} [unit=['milliseconds']] - the unit or array of units (such as 'hours' or 'days') to include in the duration.
   * @param {Object} opts - options that affect the creation of the Duration
   * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
   * @example
   * var i1 = DateTime.fromISO('1982-05-25T09:45'),
   *     i2 = DateTime.fromISO('1983-10-14T10:30');
   * i2.diff(i1).toObject() //=> { milliseconds: 43807500000 }
   * i2.diff(i1, 'hours').toObject() //=> { hours: 12168.75 }
   * i2.diff(i1, ['months', 'days']).toObject() //=> { months: 16, days: 19.03125 }
   * i2.diff(i1, ['months', 'days', 'hours']).toObject() //=> { months: 16, days: 19, hours: 0.75 }
   * @return {Duration}
   */
  diff(otherDateTime, unit = "milliseconds", opts = {}) {
    if (!this.isValid || !otherDateTime.isValid) {
      return Duration.invalid("created by diffing an invalid DateTime");
    }
    const durOpts = {
      locale: this.locale,
      numberingSystem: this.numberingSystem,
      ...opts
    };
    const units = maybeArray(unit).map(Duration.normalizeUnit),
      otherIsLater = otherDateTime.valueOf() > this.valueOf(),
      earlier = otherIsLater ? this : otherDateTime,
      later = otherIsLater ? otherDateTime : this,
      diffed = diff(earlier, later, units, durOpts);
    return otherIsLater ? diffed.negate() : diffed;
  }

  /**
   * Return the difference between this DateTime and right now.
   * See {@link DateTime#diff}
   * @param {string|string[]} [unit=['milliseconds']] - the unit or units units (such as 'hours' or 'days') to include in the duration
   * @param {Object} opts - options that affect the creation of the Duration
   * @param {string} [opts.conversionAccuracy='casual'] - the conversion system to use
   * @return {Duration}
   */
  diffNow(unit = "milliseconds", opts = {}) {
    return this.diff(DateTime.now(), unit, opts);
  }

  /**
   * Return an Interval spanning between this DateTime and another DateTime
   * @param {DateTime} otherDateTime - the other end point of the Interval
   * @return {Interval|DateTime}
   */
  until(otherDateTime) {
    return this.isValid ? Interval.fromDateTimes(this, otherDateTime) : this;
  }

  /**
   * Return whether this DateTime is in the same unit of time as another DateTime.
   * Higher-order units must also be identical for this function to return `true`.
   * Note that time zones are **ignored** in this comparison, which compares the **local** calendar time. Use {@link DateTime#setZone} to convert one of the dates if needed.
   * @param {DateTime} otherDateTime - the other DateTime
   * @param {string} unit - the unit of time to check sameness on
   * @param {Object} opts - options
   * @param {boolean} [opts.useLocaleWeeks=false] - If true, use weeks based on the locale, i.e. use the locale-dependent start of the week; only the locale of this DateTime is used
   * @example DateTime.now().hasSame(otherDT, 'day'); //~> true if otherDT is in the same current calendar day
   * @return {boolean}
   */
  hasSame(otherDateTime, unit, opts) {
    if (!this.isValid) return false;
    const inputMs = otherDateTime.valueOf();
    const adjustedToZone = this.setZone(otherDateTime.zone, {
      keepLocalTime: true
    });
    return adjustedToZone.startOf(unit, opts) <= inputMs && inputMs <= adjustedToZone.endOf(unit, opts);
  }

  /**
   * Equality check
   * Two DateTimes are equal if and only if they represent the same millisecond, have the same zone and location, and are both valid.
   * To compare just the millisecond values, use `+dt1 === +dt2`.
   * @param {DateTime} other - the other DateTime
   * @return {boolean}
   */
  equals(other) {
    return this.isValid && other.isValid && this.valueOf() === other.valueOf() && this.zone.equals(other.zone) && this.loc.equals(other.loc);
  }

  /**
   * Returns a string representation of a this time relative to now, such as "in two days". Can only internationalize if your
   * platform supports Intl.RelativeTimeFormat. Rounds towards zero by default.
   * @param {Object} options - options that affect the output
   * @param {DateTime} [options.base=DateTime.now()] - the DateTime to use as the basis to which this time is compared. Defaults to now.
   * @param {string} [options.style="long"] - the style of units, must be "long", "short", or "narrow"
   * @param {string|string[]} options.unit - use a specific unit or array of units; if omitted, or an array, the method will pick the best unit. Use an array or one of "years", "quarters", "months", "weeks", "days", "hours", "minutes", or "seconds"
   * @param {boolean} [options.round=true] - whether to round the numbers in the output.
   * @param {string} [options.rounding="trunc"] - rounding method to use when rounding the numbers in the output. Can be "trunc" (toward zero), "expand" (away from zero), "round", "floor", or "ceil".
   * @param {number} [options.padding=0] - padding in milliseconds. This allows you to round up the result if it fits inside the threshold. Don't use in combination with {round: false} because the decimal output will include the padding.
   * @param {string} options.locale - override the locale of this DateTime
   * @param {string} options.numberingSystem - override the numberingSystem of this DateTime. The Intl system may choose not to honor this
   * @example DateTime.now().plus({ days: 1 }).toRelative() //=> "in 1 day"
   * @example DateTime.now().setLocale("es").toRelative({ days: 1 }) //=> "dentro de 1 día"
   * @example DateTime.now().plus({ days: 1 }).toRelative({ locale: "fr" }) //=> "dans 23 heures"
   * @example DateTime.now().minus({ days: 2 }).toRelative() //=> "2 days ago"
   * @example DateTime.now().minus({ days: 2 }).toRelative({ unit: "hours" }) //=> "48 hours ago"
   * @example DateTime.now().minus({ hours: 36 }).toRelative({ round: false }) //=> "1.5 days ago"
   */
  toRelative(options = {}) {
    if (!this.isValid) return null;
    const base = options.base || DateTime.fromObject({}, {
        zone: this.zone
      }),
      padding = options.padding ? this < base ? -options.padding : options.padding : 0;
    let units = ["years", "months", "days", "hours", "minutes", "seconds"];
    let unit = options.unit;
    if (Array.isArray(options.unit)) {
      units = options.unit;
      unit = undefined;
    }
    return diffRelative(base, this.plus(padding), {
      ...options,
      numeric: "always",
      units,
      unit
    });
  }

  /**
   * Returns a string representation of this date relative to today, such as "yesterday" or "next month".
   * Only internationalizes on platforms that supports Intl.RelativeTimeFormat.
   * @param {Object} options - options that affect the output
   * @param {DateTime} [options.base=DateTime.now()] - the DateTime to use as the basis to which this time is compared. Defaults to now.
   * @param {string} options.locale - override the locale of this DateTime
   * @param {string} options.unit - use a specific unit; if omitted, the method will pick the unit. Use one of "years", "quarters", "months", "weeks", or "days"
   * @param {string} options.numberingSystem - override the numberingSystem of this DateTime. The Intl system may choose not to honor this
   * @example DateTime.now().plus({ days: 1 }).toRelativeCalendar() //=> "tomorrow"
   * @example DateTime.now().setLocale("es").plus({ days: 1 }).toRelative() //=> ""mañana"
   * @example DateTime.now().plus({ days: 1 }).toRelativeCalendar({ locale: "fr" }) //=> "demain"
   * @example DateTime.now().minus({ days: 2 }).toRelativeCalendar() //=> "2 days ago"
   */
  toRelativeCalendar(options = {}) {
    if (!this.isValid) return null;
    return diffRelative(options.base || DateTime.fromObject({}, {
      zone: this.zone
    }), this, {
      ...options,
      numeric: "auto",
      units: ["years", "months", "days"],
      calendary: true
    });
  }

  /**
   * Return the min of several date times
   * @param {...DateTime} dateTimes - the DateTimes from which to choose the minimum
   * @return {DateTime} the min DateTime, or undefined if called with no argument
   */
  static min(...dateTimes) {
    if (!dateTimes.every(DateTime.isDateTime)) {
      throw new InvalidArgumentError("min requires all arguments be DateTimes");
    }
    return bestBy(dateTimes, i => i.valueOf(), Math.min);
  }

  /**
   * Return the max of several date times
   * @param {...DateTime} dateTimes - the DateTimes from which to choose the maximum
   * @return {DateTime} the max DateTime, or undefined if called with no argument
   */
  static max(...dateTimes) {
    if (!dateTimes.every(DateTime.isDateTime)) {
      throw new InvalidArgumentError("max requires all arguments be DateTimes");
    }
    return bestBy(dateTimes, i => i.valueOf(), Math.max);
  }

  // MISC

  /**
   * Explain how a string would be parsed by fromFormat()
   * @param {string} text - the string to parse
   * @param {string} fmt - the format the string is expected to be in (see description)
   * @param {Object} options - options taken by fromFormat()
   * @return {Object}
   */
  static fromFormatExplain(text, fmt, options = {}) {
    const {
        locale = null,
        numberingSystem = null
      } = options,
      localeToUse = Locale.fromOpts({
        locale,
        numberingSystem,
        defaultToEN: true
      });
    return explainFromTokens(localeToUse, text, fmt);
  }

  /**
   * @deprecated use fromFormatExplain instead
   */
  static fromStringExplain(text, fmt, options = {}) {
    return DateTime.fromFormatExplain(text, fmt, options);
  }

  /**
   * Build a parser for `fmt` using the given locale. This parser can be passed
   * to {@link DateTime.fromFormatParser} to a parse a date in this format. This
   * can be used to optimize cases where many dates need to be parsed in a
   * specific format.
   *
   * @param {String} fmt - the format the string is expected to be in (see
   * description)
   * @param {Object} options - options used to set locale and numberingSystem
   * for parser
   * @returns {TokenParser} - opaque object to be used
   */
  static buildFormatParser(fmt, options = {}) {
    const {
        locale = null,
        numberingSystem = null
      } = options,
      localeToUse = Locale.fromOpts({
        locale,
        numberingSystem,
        defaultToEN: true
      });
    return new TokenParser(localeToUse, fmt);
  }

  /**
   * Create a DateTime from an input string and format parser.
   *
   * The format parser must have been created with the same locale as this call.
   *
   * @param {String} text - the string to parse
   * @param {TokenParser} formatParser - parser from {@link DateTime.buildFormatParser}
   * @param {Object} opts - options taken by fromFormat()
   * @returns {DateTime}
   */
  static fromFormatParser(text, formatParser, opts = {}) {
    if (isUndefined(text) || isUndefined(formatParser)) {
      throw new InvalidArgumentError("fromFormatParser requires an input string and a format parser");
    }
    const {
        locale = null,
        numberingSystem = null
      } = opts,
      localeToUse = Locale.fromOpts({
        locale,
        numberingSystem,
        defaultToEN: true
      });
    if (!localeToUse.equals(formatParser.locale)) {
      throw new InvalidArgumentError(`fromFormatParser called with a locale of ${localeToUse}, ` + `but the format parser was created for ${formatParser.locale}`);
    }
    const {
      result,
      zone,
      specificOffset,
      invalidReason
    } = formatParser.explainFromTokens(text);
    if (invalidReason) {
      return DateTime.invalid(invalidReason);
    } else {
      return parseDataToDateTime(result, zone, opts, `format ${formatParser.format}`, text, specificOffset);
    }
  }

  // FORMAT PRESETS

  /**
   * {@link DateTime#toLocaleString} format like 10/14/1983
   * @type {Object}
   */
  static get DATE_SHORT() {
    return DATE_SHORT;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'Oct 14, 1983'
   * @type {Object}
   */
  static get DATE_MED() {
    return DATE_MED;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'Fri, Oct 14, 1983'
   * @type {Object}
   */
  static get DATE_MED_WITH_WEEKDAY() {
    return DATE_MED_WITH_WEEKDAY;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'October 14, 1983'
   * @type {Object}
   */
  static get DATE_FULL() {
    return DATE_FULL;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'Tuesday, October 14, 1983'
   * @type {Object}
   */
  static get DATE_HUGE() {
    return DATE_HUGE;
  }

  /**
   * {@link DateTime#toLocaleString} format like '09:30 AM'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get TIME_SIMPLE() {
    return TIME_SIMPLE;
  }

  /**
   * {@link DateTime#toLocaleString} format like '09:30:23 AM'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get TIME_WITH_SECONDS() {
    return TIME_WITH_SECONDS;
  }

  /**
   * {@link DateTime#toLocaleString} format like '09:30:23 AM EDT'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get TIME_WITH_SHORT_OFFSET() {
    return TIME_WITH_SHORT_OFFSET;
  }

  /**
   * {@link DateTime#toLocaleString} format like '09:30:23 AM Eastern Daylight Time'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get TIME_WITH_LONG_OFFSET() {
    return TIME_WITH_LONG_OFFSET;
  }

  /**
   * {@link DateTime#toLocaleString} format like '09:30', always 24-hour.
   * @type {Object}
   */
  static get TIME_24_SIMPLE() {
    return TIME_24_SIMPLE;
  }

  /**
   * {@link DateTime#toLocaleString} format like '09:30:23', always 24-hour.
   * @type {Object}
   */
  static get TIME_24_WITH_SECONDS() {
    return TIME_24_WITH_SECONDS;
  }

  /**
   * {@link DateTime#toLocaleString} format like '09:30:23 EDT', always 24-hour.
   * @type {Object}
   */
  static get TIME_24_WITH_SHORT_OFFSET() {
    return TIME_24_WITH_SHORT_OFFSET;
  }

  /**
   * {@link DateTime#toLocaleString} format like '09:30:23 Eastern Daylight Time', always 24-hour.
   * @type {Object}
   */
  static get TIME_24_WITH_LONG_OFFSET() {
    return TIME_24_WITH_LONG_OFFSET;
  }

  /**
   * {@link DateTime#toLocaleString} format like '10/14/1983, 9:30 AM'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get DATETIME_SHORT() {
    return DATETIME_SHORT;
  }

  /**
   * {@link DateTime#toLocaleString} format like '10/14/1983, 9:30:33 AM'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get DATETIME_SHORT_WITH_SECONDS() {
    return DATETIME_SHORT_WITH_SECONDS;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'Oct 14, 1983, 9:30 AM'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get DATETIME_MED() {
    return DATETIME_MED;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'Oct 14, 1983, 9:30:33 AM'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get DATETIME_MED_WITH_SECONDS() {
    return DATETIME_MED_WITH_SECONDS;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'Fri, 14 Oct 1983, 9:30 AM'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get DATETIME_MED_WITH_WEEKDAY() {
    return DATETIME_MED_WITH_WEEKDAY;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'October 14, 1983, 9:30 AM EDT'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get DATETIME_FULL() {
    return DATETIME_FULL;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'October 14, 1983, 9:30:33 AM EDT'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get DATETIME_FULL_WITH_SECONDS() {
    return DATETIME_FULL_WITH_SECONDS;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'Friday, October 14, 1983, 9:30 AM Eastern Daylight Time'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get DATETIME_HUGE() {
    return DATETIME_HUGE;
  }

  /**
   * {@link DateTime#toLocaleString} format like 'Friday, October 14, 1983, 9:30:33 AM Eastern Daylight Time'. Only 12-hour if the locale is.
   * @type {Object}
   */
  static get DATETIME_HUGE_WITH_SECONDS() {
    return DATETIME_HUGE_WITH_SECONDS;
  }
}

/**
 * @private
 */
function friendlyDateTime(dateTimeish) {
  if (DateTime.isDateTime(dateTimeish)) {
    return dateTimeish;
  } else if (dateTimeish && dateTimeish.valueOf && isNumber(dateTimeish.valueOf())) {
    return DateTime.fromJSDate(dateTimeish);
  } else if (dateTimeish && typeof dateTimeish === "object") {
    return DateTime.fromObject(dateTimeish);
  } else {
    throw new InvalidArgumentError(`Unknown datetime argument: ${dateTimeish}, of type ${typeof dateTimeish}`);
  }
}

const VERSION = "3.7.2";

exports.DateTime = DateTime;
__webpack_unused_export__ = Duration;
__webpack_unused_export__ = FixedOffsetZone;
exports.IANAZone = IANAZone;
__webpack_unused_export__ = Info;
__webpack_unused_export__ = Interval;
__webpack_unused_export__ = InvalidZone;
exports.Settings = Settings;
__webpack_unused_export__ = SystemZone;
__webpack_unused_export__ = VERSION;
exports.Zone = Zone;
//# sourceMappingURL=luxon.js.map


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jd: () => (/* binding */ LeaseLostError),
/* harmony export */   N_: () => (/* binding */ TransientError),
/* harmony export */   Qg: () => (/* binding */ PartitionBusyError),
/* harmony export */   _i: () => (/* binding */ LeaseHeldError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iA: () => (/* binding */ describeLeaseHolder),
/* harmony export */   qq: () => (/* binding */ StateError),
/* harmony export */   rG: () => (/* binding */ thrownData)
/* harmony export */ });
/* unused harmony exports ContractError, DataContractError, AttemptTimeoutError, classifyError, isUserError, userErrorExitCode, thrownFrom */
// Every error pipewright raises on purpose lives here. The edges (CLI, actions)
// map them to exit codes, annotations and failure classes; anything else is a bug.
/** Bad flags or action inputs: exit 2, one line, nothing done. */
class UsageError extends Error {
    name = 'UsageError';
}
/** A problem in a user's pipeline.yml, located at file:line:col. */
class ContractError extends Error {
    name = 'ContractError';
    file;
    line;
    col;
    constructor(message, file, line, col) {
        super(message);
        this.file = file;
        this.line = line;
        this.col = col;
    }
}
/**
 * The workspace's stored state cannot be used as it is (a corrupt run record, a file
 * where pipewright keeps a folder, a read-only data root): one line naming the file
 * and the fix, exit 1. Nothing is written until it is fixed.
 */
class StateError extends Error {
    name = 'StateError';
    file;
    constructor(message, file) {
        super(message);
        this.file = file;
    }
}
/** Thrown by task code for a failure worth retrying (HTTP 503, a timeout upstream, a lock). */
class TransientError extends Error {
    name = 'TransientError';
}
/** Thrown by task code when the data breaks its contract: never retried, nothing published. */
class DataContractError extends Error {
    name = 'DataContractError';
}
/** The reason an attempt's signal carries when its timeout passed. */
class AttemptTimeoutError extends Error {
    name = 'TimeoutError';
}
/** Another run holds the partition; the caller should report it busy, not failed. */
class PartitionBusyError extends Error {
    name = 'PartitionBusyError';
    dagId;
    partition;
    holder;
    constructor(dagId, partition, holder) {
        super(`partition ${dagId}/${partition} is busy: run ${holder} holds it`);
        this.dagId = dagId;
        this.partition = partition;
        this.holder = holder;
    }
}
/** A live lease is held by someone else: the caller should report it busy (exit 1), not failed. */
class LeaseHeldError extends Error {
    name = 'LeaseHeldError';
    /** The lease object, as the store names it. */
    where;
    current;
    constructor(where, current) {
        super(`${where} is held by run ${describeLeaseHolder(current)}`);
        this.where = where;
        this.current = current;
    }
}
/** `run-1 (pid 42 on runner-3) until 2026-05-02T06:01:00.000Z`: who holds a lease, in one phrase. */
function describeLeaseHolder(current) {
    return `${current.holder} (pid ${current.pid} on ${current.host}) until ${current.expiresAt}`;
}
/** A lease we held was taken over, or could not be renewed before it expired: the run must stop writing. */
class LeaseLostError extends Error {
    name = 'LeaseLostError';
}
/** Classifies anything a task threw. Errors from other copies of this module are matched by name. */
function classifyError(error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TransientError')
        return 'transient';
    if (name === 'DataContractError')
        return 'data';
    if (name === 'TimeoutError' || name === 'AbortError')
        return 'timeout';
    return 'code';
}
/** One message from any thrown value, without a stack for the errors we raise on purpose. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** True for what one line explains (mistakes, busy partitions, an unreachable service); false for bugs (shown with a stack). */
function isUserError(error) {
    return (error instanceof UsageError ||
        error instanceof ContractError ||
        error instanceof PartitionBusyError ||
        error instanceof LeaseHeldError ||
        error instanceof StateError ||
        // Outside a task (a bucket unreachable at start): the network, not a bug; its message says what to check.
        error instanceof TransientError);
}
/** The CLI's exit code for a user error: 1 for state to repair (the input was fine), 2 for bad input. */
function userErrorExitCode(error) {
    return error instanceof StateError || error instanceof LeaseHeldError || error instanceof TransientError ? 1 : 2;
}
const THROWN_CLASSES = {
    UsageError,
    ContractError,
    StateError,
    TransientError,
    DataContractError,
    TimeoutError: AttemptTimeoutError,
    PartitionBusyError,
    LeaseHeldError,
    LeaseLostError,
};
function thrownData(thrown) {
    if (!(thrown instanceof Error))
        return { error: false, value: String(thrown) };
    // Own data fields (a path, an errno code, a holder): what the edges read besides the message.
    const fields = {};
    for (const [key, value] of Object.entries(thrown)) {
        if (typeof value !== 'function' && typeof value !== 'symbol')
            fields[key] = value;
    }
    return { error: true, name: thrown.name, message: thrown.message, stack: thrown.stack, fields };
}
/** The error `thrownData` described, of its class again (so the edges tell a user's mistake from a bug). */
function thrownFrom(data) {
    if (!data.error)
        return data.value;
    const error = Object.create((THROWN_CLASSES[data.name] ?? Error).prototype);
    return Object.assign(error, data.fields, { name: data.name, message: data.message, stack: data.stack });
}


/***/ }),

/***/ 8301:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ fromJsonValue),
/* harmony export */   jj: () => (/* binding */ toJsonText)
/* harmony export */ });
/* unused harmony exports SCHEMA_VERSION, snakeCase, camelCase */
// The one serializer for every JSON file pipewright writes: snake_case keys,
// `schema_version` first, two-space indent, a final newline. TypeScript keeps
// camelCase; the conversion happens here and nowhere else. Keys under the
// `opaque` fields (metrics: the user's own names) are kept exactly as given.
/** The version of the JSON shapes written by this pipewright; bumped on a breaking change. */
const SCHEMA_VERSION = 1;
/** Fields whose values are maps keyed by user-chosen names: their keys are never converted. */
const OPAQUE = new Set(['metrics']);
function snakeCase(key) {
    return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
function camelCase(key) {
    return key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}
/**
 * Key conversions remembered: a ledger of 200,000 records converts the same
 * few dozen keys millions of times. Bounded, since a file may hold keys without end.
 */
function remembered(rename) {
    const seen = new Map();
    return (key) => {
        let out = seen.get(key);
        if (out === undefined) {
            out = rename(key);
            if (seen.size < 10_000)
                seen.set(key, out);
        }
        return out;
    };
}
const toSnake = remembered(snakeCase);
const toCamel = remembered(camelCase);
// Plain loops and for-in: 4× faster than map and Object.keys on a ledger's worth of
// records. for-in also walks inherited enumerable keys, which JSON values and the
// object literals we serialise do not have.
function convert(value, rename) {
    if (value === null || typeof value !== 'object')
        return value;
    if (Array.isArray(value)) {
        const out = new Array(value.length);
        for (let i = 0; i < value.length; i++)
            out[i] = convert(value[i], rename);
        return out;
    }
    const source = value;
    const out = {};
    for (const key in source) {
        const v = source[key];
        if (v === undefined)
            continue;
        out[rename(key)] = OPAQUE.has(key) ? v : convert(v, rename);
    }
    return out;
}
/** JSON text of `value` with snake_case keys and `schema_version` first. */
function toJsonText(value) {
    const body = convert(value, toSnake);
    delete body.schema_version;
    return `${JSON.stringify({ schema_version: SCHEMA_VERSION, ...body }, null, 2)}\n`;
}
/**
 * The value written by `toJsonText` (or by pipewright before it: camelCase keys
 * read unchanged), with camelCase keys and without `schema_version`.
 */
function fromJsonValue(parsed) {
    const value = convert(parsed, toCamel);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        delete value.schemaVersion;
    }
    return value;
}


/***/ }),

/***/ 9270:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ mapLimited)
/* harmony export */ });
// Bounded concurrency for I/O fan-out (child processes, file reads), results in input order.
async function mapLimited(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}


/***/ }),

/***/ 6413:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BucketLedger: () => (/* binding */ BucketLedger)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8301);
/* harmony import */ var _map_limited_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(9270);
/* harmony import */ var _lease_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(139);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(9716);
/* harmony import */ var _ledger_index_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9373);
/* harmony import */ var _object_store_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3266);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(5411);
/* harmony import */ var _record_file_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(7963);
// The run ledger as objects (`state: bucket`), beside the git branch and the
// local files: one object per run at `_pipewright/runs/<dag_id>/<partition>/<run_id>.json`,
// listed by prefix. Runs write different objects, so concurrent runners never
// race the way pushes to one branch do. A partition is held by a lease at
// `_pipewright/leases/<dag_id>/<partition>.json` (lease.ts), which also tells a
// live `running` record from one whose runner died. Each write also updates the
// pipeline's index (ledger-index.ts) at `_pipewright/index/<dag_id>.json` with a
// conditional put: `plan` then lists the records once and reads one object, not
// one per partition. Each entry is checked against the listing (the partition's
// run ids and the latest record's ETag), so records written without it are read.









/** Reads at most this many record objects at once. */
const READ_CONCURRENCY = 32;
/** Listings of one pipeline's records run at once, each over a range of its partitions. */
const LIST_RANGES = 16;
/** Fewer records than this a listing per range does not pay for (a page holds a thousand keys). */
const RANGE_FROM_PARTITIONS = 400;
/** Conditional puts of the index lost in a row before an update gives up (the records stay the truth). */
const MAX_INDEX_ATTEMPTS = 20;
class BucketLedger {
    store;
    options;
    constructor(store, options = {}) {
        this.store = store;
        this.options = options;
    }
    /** The latest run of every partition that has one: the record the index names, one read each. */
    async latestRuns(dagId) {
        const entries = await this.entries(dagId);
        const latest = await (0,_map_limited_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimited */ .b)(entries, READ_CONCURRENCY, async (entry) => {
            const key = this.recordKey({ dagId, partition: entry.partition, runId: entry.runId });
            // Removed since the listing (a partition cleaned up): read what the partition holds now.
            const run = (await this.readRecord(key)) ?? (await this.runs(dagId, entry.partition)).at(-1);
            return run && [entry.partition, await this.settle(run)];
        });
        return new Map(latest.filter((pair) => pair !== undefined));
    }
    /** `latestRuns` without tasks, checks and files: from the index, reading only partitions it does not know. */
    async latestSummaries(dagId) {
        return await (0,_ledger_index_js__WEBPACK_IMPORTED_MODULE_3__/* .settledSummaries */ .M_)(dagId, await this.entries(dagId), (running) => this.settle(running));
    }
    /**
     * The index entry of every partition that has runs, each checked against the
     * listing; partitions the index does not know or knows stale are read and saved back.
     */
    async entries(dagId) {
        const text = await this.store.readText(this.indexKey(dagId));
        const index = (0,_ledger_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseIndex */ .A1)(text, dagId);
        // The partitions the index knows split the listing into ranges listed at once.
        const listing = await this.recordObjects(dagId, rangeStarts(index.partitions.map((e) => e.partition)));
        const known = new Map(index.partitions.map((e) => [e.partition, e]));
        const fresh = [];
        const stale = [];
        for (const [partition, objects] of listing) {
            const entry = known.get(partition);
            if (entry && isCurrent(entry, objects))
                fresh.push(entry);
            else
                stale.push(objects);
        }
        const reread = await (0,_map_limited_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimited */ .b)(stale, READ_CONCURRENCY, (objects) => this.partitionEntry(objects));
        const found = reread.filter((e) => e !== undefined);
        const gone = new Set([...known.keys()].filter((key) => !listing.has(key)));
        if (found.length > 0 || gone.size > 0) {
            await this.updateIndex(dagId, (current) => (0,_ledger_index_js__WEBPACK_IMPORTED_MODULE_3__/* .withEntries */ .bA)(current, found, gone));
        }
        return [...fresh, ...found].sort((a, b) => (a.partition < b.partition ? -1 : 1));
    }
    /** A partition's entry from its record objects (as listed: a record rewritten since leaves it stale, never wrongly current). */
    async partitionEntry(objects) {
        const runs = (await Promise.all(objects.map((o) => this.readRecord(o.key))))
            .filter((r) => r !== undefined)
            .sort(_ledger_js__WEBPACK_IMPORTED_MODULE_8__/* .compareRuns */ .qB);
        const latest = runs.at(-1);
        if (!latest)
            return undefined;
        return (0,_ledger_index_js__WEBPACK_IMPORTED_MODULE_3__/* .entryFor */ .cy)(latest.partition, etagOf(objects, latest.runId) ?? '-', runs);
    }
    /**
     * Applies `change` to the current index and puts the result only if nobody put
     * another meanwhile (If-Match, or If-None-Match for the first); when someone did,
     * applies it again to theirs. The index is a cache: when it cannot be written
     * (no permission, an endpoint that refuses), reads fall back to the records.
     */
    async updateIndex(dagId, change) {
        const key = this.indexKey(dagId);
        try {
            for (let attempt = 1; attempt <= MAX_INDEX_ATTEMPTS; attempt++) {
                const current = await this.store.head(key);
                const text = current ? await this.store.readText(key) : undefined;
                const next = await change((0,_ledger_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseIndex */ .A1)(text, dagId));
                try {
                    await this.store.write(key, (0,_ledger_index_js__WEBPACK_IMPORTED_MODULE_3__/* .indexText */ .oX)(next), {
                        contentType: 'application/json',
                        ...(current ? { ifMatch: current.etag } : { ifNoneMatch: '*' }),
                    });
                    return;
                }
                catch (error) {
                    if (!(error instanceof _object_store_js__WEBPACK_IMPORTED_MODULE_4__/* .PreconditionFailedError */ .k9))
                        throw error;
                }
            }
        }
        catch {
            // The next read sees the stale entries and reads those partitions' records.
        }
    }
    async latestRun(dagId, partition) {
        const last = (await this.runs(dagId, partition)).at(-1);
        return last && (await this.settle(last));
    }
    /** All runs of one partition, oldest first. */
    async runs(dagId, partition) {
        const keys = (await this.partitionObjects(dagId, partition)).map((o) => o.key);
        const records = await (0,_map_limited_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimited */ .b)(keys, READ_CONCURRENCY, (key) => this.readRecord(key));
        return records.filter((r) => r !== undefined).sort(_ledger_js__WEBPACK_IMPORTED_MODULE_8__/* .compareRuns */ .qB);
    }
    /** Every run of a pipeline, each partition's oldest first and its latest settled. */
    async history(dagId) {
        const byPartition = await this.recordKeys(dagId);
        return (await (0,_map_limited_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimited */ .b)([...byPartition.values()], READ_CONCURRENCY, (keys) => this.historyOf(keys))).flat();
    }
    /**
     * `history` one partition at a time, newest partition first (the status site):
     * a long history never has to be held whole.
     */
    async eachPartition(dagId, visit) {
        const byPartition = await this.recordKeys(dagId);
        const newestFirst = [...byPartition.keys()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
        // Read a batch of partitions at once, handed over in order.
        for (let i = 0; i < newestFirst.length; i += READ_CONCURRENCY) {
            const batch = newestFirst.slice(i, i + READ_CONCURRENCY).map((partition) => byPartition.get(partition));
            for (const runs of await (0,_map_limited_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimited */ .b)(batch, READ_CONCURRENCY, (keys) => this.historyOf(keys))) {
                if (runs.length > 0)
                    visit(runs);
            }
        }
    }
    /** One partition's runs (its record keys), oldest first, the latest settled. */
    async historyOf(keys) {
        const runs = (await Promise.all(keys.map((key) => this.readRecord(key))))
            .filter((r) => r !== undefined)
            .sort(_ledger_js__WEBPACK_IMPORTED_MODULE_8__/* .compareRuns */ .qB);
        const last = runs.pop();
        return last ? [...runs, await this.settle(last)] : [];
    }
    /** The key of the object that holds one run's record. */
    recordKey(record) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .assertSafeSegment */ .rI)(record.runId, 'run id');
        return `${this.partitionPrefix(record.dagId, record.partition)}/${record.runId}.json`;
    }
    /** The key of a partition's lease. */
    leaseKey(dagId, partition) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .assertSafeSegment */ .rI)(dagId, 'dag id');
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .assertSafeSegment */ .rI)(partition, 'partition key');
        return `${_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .STATE_DIR */ .e$}/leases/${dagId}/${partition}.json`;
    }
    async write(record) {
        await this.store.write(this.recordKey(record), (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .toJsonText */ .jj)(record), { contentType: 'application/json' });
        await this.updateIndex(record.dagId, async (index) => {
            const before = index.partitions.find((e) => e.partition === record.partition);
            const objects = await this.partitionObjects(record.dagId, record.partition);
            const seen = {
                existed: before?.runIds.includes(record.runId) ?? false,
                runIds: objects.map((o) => runIdOf(o.key)),
                stamp: etagOf(objects, record.runId) ?? '-',
            };
            // Only a partition changed behind the index's back needs its records read.
            const entry = (0,_ledger_index_js__WEBPACK_IMPORTED_MODULE_3__/* .entryAfterWrite */ .Ie)(before, record, seen) ?? (await this.partitionEntry(objects));
            return entry ? (0,_ledger_index_js__WEBPACK_IMPORTED_MODULE_3__/* .withEntries */ .bA)(index, [entry]) : index;
        });
    }
    /** One run at a time per partition; throws PartitionBusyError while another run's lease is live. */
    async acquire(dagId, partition, runId) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .assertSafeSegment */ .rI)(runId, 'run id');
        const key = this.leaseKey(dagId, partition);
        let lease;
        try {
            lease = await (0,_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .acquireLease */ .ZZ)(this.store, key, {
                holder: runId,
                ttlMs: this.options.leaseTtlMs,
                renewEveryMs: this.options.leaseRenewEveryMs,
            });
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LeaseHeldError */ ._i) {
                const { current } = error;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PartitionBusyError */ .Qg(dagId, partition, `${current.holder} (pid ${current.pid} on ${current.host}, lease until ${current.expiresAt})`);
            }
            throw error;
        }
        return { lost: lease.lost, release: () => lease.release() };
    }
    /**
     * A `running` record whose run no longer holds a live lease on the partition was
     * killed before it could record its end: it counts as failed, so the next tick
     * runs the partition again instead of waiting forever.
     */
    async settle(record) {
        if (record.state !== 'running')
            return record;
        const lease = await (0,_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .readLease */ .zR)(this.store, this.leaseKey(record.dagId, record.partition));
        const live = lease?.record.holder === record.runId && Date.parse(lease.record.expiresAt) > Date.now();
        return live ? record : { ...record, state: 'failed', abandoned: true };
    }
    /** Record keys of every partition of a pipeline, grouped by partition, in one listing. */
    async recordKeys(dagId) {
        const byPartition = new Map();
        for (const [partition, objects] of await this.recordObjects(dagId))
            byPartition.set(partition, objects.map((o) => o.key));
        return byPartition;
    }
    /** The record objects of one partition, in one listing. */
    async partitionObjects(dagId, partition) {
        const prefix = `${this.partitionPrefix(dagId, partition)}/`;
        const objects = [];
        for await (const info of this.store.list(prefix))
            if (isRecordKey(info.key.slice(prefix.length)))
                objects.push(info);
        return objects;
    }
    /**
     * Record objects of every partition of a pipeline, grouped by partition: one listing,
     * or, given partition keys that start ranges, one listing per range, all at once (a page
     * of a listing is a round trip: 20,000 records are 20 of them one after another).
     */
    async recordObjects(dagId, starts = []) {
        const prefix = `${this.dagPrefix(dagId)}/`;
        const bounds = starts.map((partition) => `${prefix}${partition}`);
        const ranges = await Promise.all([undefined, ...bounds].map(async (from, i) => {
            const to = bounds[i];
            const found = [];
            // A range starts just before its first partition's keys (`<prefix><partition>/…`) and ends before the next's.
            for await (const info of this.store.list(prefix, from === undefined ? {} : { startAfter: from })) {
                if (to !== undefined && info.key >= to)
                    break;
                found.push(info);
            }
            return found;
        }));
        const byPartition = new Map();
        for (const info of ranges.flat()) {
            const [partition, name, ...rest] = info.key.slice(prefix.length).split('/');
            if (partition === undefined || name === undefined || rest.length > 0 || !isRecordKey(name))
                continue;
            const objects = byPartition.get(partition) ?? [];
            objects.push(info);
            byPartition.set(partition, objects);
        }
        return byPartition;
    }
    indexKey(dagId) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .assertSafeSegment */ .rI)(dagId, 'dag id');
        return `${_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .STATE_DIR */ .e$}/index/${dagId}.json`;
    }
    /** The record, or undefined when it was removed between the listing and the read. */
    async readRecord(key) {
        const text = await this.store.readText(key);
        return text === undefined ? undefined : (0,_record_file_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRunRecord */ .Y)(text, this.store.describe(key));
    }
    dagPrefix(dagId) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .assertSafeSegment */ .rI)(dagId, 'dag id');
        return `${_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .STATE_DIR */ .e$}/runs/${dagId}`;
    }
    partitionPrefix(dagId, partition) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .assertSafeSegment */ .rI)(partition, 'partition key');
        return `${this.dagPrefix(dagId)}/${partition}`;
    }
}
function isRecordKey(name) {
    return name.endsWith('.json') && !name.includes('/');
}
function runIdOf(key) {
    return key.slice(key.lastIndexOf('/') + 1, -'.json'.length);
}
/** The ETag of run `runId`'s record among a partition's listed objects. */
function etagOf(objects, runId) {
    return objects.find((o) => runIdOf(o.key) === runId)?.etag;
}
/** The entry still says what the partition holds: the same runs, and its latest record unchanged. */
function isCurrent(entry, objects) {
    return (etagOf(objects, entry.runId) === entry.stamp &&
        (0,_ledger_index_js__WEBPACK_IMPORTED_MODULE_3__/* .sameMembers */ .Od)(entry.runIds, objects.map((o) => runIdOf(o.key))));
}
/**
 * Partition keys that start the ranges of a split listing: every n-th of `known` in key
 * order, so each range holds about as many partitions (none: list them in one go).
 */
function rangeStarts(known) {
    if (known.length < RANGE_FROM_PARTITIONS)
        return [];
    const sorted = [...known].sort();
    const step = Math.ceil(sorted.length / LIST_RANGES);
    const starts = [];
    for (let i = step; i < sorted.length; i += step)
        starts.push(sorted[i]);
    return starts;
}


/***/ }),

/***/ 3735:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ ASIDE_FROM_BYTES),
/* harmony export */   q: () => (/* binding */ checksumFileAside)
/* harmony export */ });
/* harmony import */ var _worker_file_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3300);
// A big file's checksum taken by a worker thread (rows-worker.ts), so the calling thread
// stays free: a run checksums its inputs while its first tasks work.

/**
 * Past this a file is read, hashed and counted by a worker thread. Below it, doing it
 * on the calling thread (about 70 ms per 50 MB) costs less than starting the worker.
 */
const ASIDE_FROM_BYTES = 64 << 20;
/**
 * The checksum of the file at `path` holding the object `key` (its name says how rows are
 * counted), taken by a worker thread; undefined when the worker cannot run.
 */
function checksumFileAside(path, key) {
    return new Promise((resolve) => {
        const worker = (0,_worker_file_js__WEBPACK_IMPORTED_MODULE_0__/* .startWorker */ .D)((0,_worker_file_js__WEBPACK_IMPORTED_MODULE_0__/* .workerFile */ .T)('store/rows-worker.ts', 'rows-worker'), { workerData: { path, key } });
        worker.once('message', (sum) => resolve(sum));
        worker.once('error', () => resolve(undefined));
        worker.once('exit', () => resolve(undefined));
    });
}


/***/ }),

/***/ 8962:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T9: () => (/* binding */ fileChunks),
/* harmony export */   py: () => (/* binding */ FileGrowthStopped)
/* harmony export */ });
/* unused harmony export READ_CHUNK */
/** Big reads keep the per-chunk overhead out of the way of whoever scans the bytes. */
const READ_CHUNK = 1 << 20;
/** The writer of a followed file stopped before it was whole: what was read is all there is. */
class FileGrowthStopped extends Error {
    reason;
    constructor(reason) {
        super('the file stopped growing before it was whole');
        this.reason = reason;
    }
}
/**
 * Reads the opened file from its current position to the end, then closes it. With
 * `growth`, the end is where its writer finishes: caught up, it waits for more.
 */
async function* fileChunks(handle, signal, growth) {
    let filling = new Uint8Array(READ_CHUNK);
    let spare = new Uint8Array(READ_CHUNK);
    let reading;
    /** Seen whole before the last read: a read that then finds nothing is the end. */
    let sawWhole = false;
    let position = 0;
    try {
        reading = handle.read(filling, 0, READ_CHUNK, null);
        for (;;) {
            signal?.throwIfAborted();
            const { bytesRead } = await reading;
            reading = undefined;
            if (bytesRead === 0) {
                const state = growth?.state() ?? 'whole';
                if (state === 'whole') {
                    if (sawWhole || !growth)
                        return;
                    sawWhole = true; // its last bytes may have landed since that read
                }
                else if (state === 'growing') {
                    // Caught up: wait for a whole chunk, so the reader is not woken for every few bytes.
                    await growth?.reached(position + READ_CHUNK);
                }
                else
                    throw new FileGrowthStopped(state.stopped);
                reading = handle.read(filling, 0, READ_CHUNK, null);
                continue;
            }
            position += bytesRead;
            const chunk = filling.subarray(0, bytesRead);
            // The buffer the caller gave back by asking for this chunk takes the next read.
            [filling, spare] = [spare, filling];
            reading = handle.read(filling, 0, READ_CHUNK, null);
            yield chunk;
        }
    }
    finally {
        // Never close the file under a read still in flight.
        await reading?.catch(() => { });
        await handle.close();
    }
}


/***/ }),

/***/ 139:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZZ: () => (/* binding */ acquireLease),
/* harmony export */   Zc: () => (/* binding */ DEFAULT_LEASE_TTL_MS),
/* harmony export */   il: () => (/* binding */ DEFAULT_LEASE_RENEW_EVERY_MS),
/* harmony export */   zR: () => (/* binding */ readLease)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8301);
/* harmony import */ var _object_store_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3266);
// A key held by one holder at a time across runners, on any ObjectStore: a small
// JSON lease object created with If-None-Match: *, renewed with If-Match on the
// etag we last wrote, and taken over only once it has expired, again with
// If-Match, so of two takers only one wins. A holder that dies (kill -9, a lost
// runner) stops renewing and its lease lapses after `ttlMs`. Expiry compares the
// lease's `expires_at` with this machine's clock: runners need synchronised clocks
// (NTP), with skew well under the ttl.




const DEFAULT_LEASE_TTL_MS = 60_000;
const DEFAULT_LEASE_RENEW_EVERY_MS = 20_000;
/** Rounds of read-then-write before giving up on a lease that keeps changing hands. */
const MAX_ROUNDS = 8;
/** Takes the lease at `key`, or throws LeaseHeldError naming the live holder and until when. */
async function acquireLease(store, key, options) {
    const ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    const renewEveryMs = options.renewEveryMs ?? DEFAULT_LEASE_RENEW_EVERY_MS;
    if (!(ttlMs > 0) || !(renewEveryMs > 0))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`lease times must be positive (ttl ${ttlMs} ms, renewal every ${renewEveryMs} ms)`);
    const fresh = (acquiredAt) => {
        const now = Date.now();
        return {
            holder: options.holder,
            host: (0,node_os__WEBPACK_IMPORTED_MODULE_0__.hostname)(),
            pid: process.pid,
            acquiredAt: acquiredAt ?? new Date(now).toISOString(),
            expiresAt: new Date(now + ttlMs).toISOString(),
        };
    };
    for (let round = 0; round < MAX_ROUNDS; round++) {
        const record = fresh();
        try {
            const info = await writeLease(store, key, record, { ifNoneMatch: '*' });
            return holdLease(store, key, record, info, { ttlMs, renewEveryMs, fresh });
        }
        catch (error) {
            if (!(error instanceof _object_store_js__WEBPACK_IMPORTED_MODULE_3__/* .PreconditionFailedError */ .k9))
                throw error;
        }
        const current = await readLease(store, key);
        if (!current)
            continue; // released meanwhile: create it again
        if (Date.parse(current.record.expiresAt) > Date.now())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LeaseHeldError */ ._i(store.describe(key), current.record);
        // Timed after the expiry check: the takeover's acquired_at never precedes the old expiry.
        const takeover = fresh();
        try {
            const info = await writeLease(store, key, takeover, { ifMatch: current.etag });
            return holdLease(store, key, takeover, info, { ttlMs, renewEveryMs, fresh });
        }
        catch (error) {
            // Another taker (or a late renewal) won this round: look again.
            if (!(error instanceof _object_store_js__WEBPACK_IMPORTED_MODULE_3__/* .PreconditionFailedError */ .k9))
                throw error;
        }
    }
    const last = await readLease(store, key);
    if (last)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LeaseHeldError */ ._i(store.describe(key), last.record);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LeaseLostError */ .Jd(`${store.describe(key)} kept changing hands; try again`);
}
/** The lease at `key` and the etag it was read at, or undefined when there is none. */
async function readLease(store, key) {
    // Head first: the text read after it is this version or a newer one, so a takeover
    // with If-Match on this etag can only succeed over what we judged.
    const info = await store.head(key);
    if (!info)
        return undefined;
    const text = await store.readText(key);
    if (text === undefined)
        return undefined;
    return { record: parseLease(text, info), etag: info.etag };
}
/**
 * A lease that cannot be read (truncated by hand, another tool's file) lasts one
 * default ttl from its last write, so it cannot block a partition forever.
 */
function parseLease(text, info) {
    try {
        const value = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .fromJsonValue */ .Cw)(JSON.parse(text));
        if (typeof value.holder === 'string' &&
            typeof value.host === 'string' &&
            typeof value.pid === 'number' &&
            typeof value.expiresAt === 'string' &&
            !Number.isNaN(Date.parse(value.expiresAt)))
            return { ...value, acquiredAt: String(value.acquiredAt ?? '') };
    }
    catch {
        // fall through
    }
    return {
        holder: 'unknown (unreadable lease)',
        host: 'unknown',
        pid: 0,
        acquiredAt: info.lastModified.toISOString(),
        expiresAt: new Date(info.lastModified.getTime() + DEFAULT_LEASE_TTL_MS).toISOString(),
    };
}
function writeLease(store, key, record, condition) {
    return store.write(key, (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .toJsonText */ .jj)(record), { ...condition, contentType: 'application/json' });
}
function holdLease(store, key, first, info, timing) {
    const where = store.describe(key);
    const controller = new AbortController();
    let record = first;
    let etag = info.etag;
    let stopped = false;
    let timer;
    let renewal = Promise.resolve();
    const lose = (why) => {
        stopped = true;
        controller.abort(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LeaseLostError */ .Jd(`${where} ${why}: this run no longer holds it and must stop writing`));
    };
    const renew = async () => {
        const next = timing.fresh(record.acquiredAt);
        try {
            etag = (await writeLease(store, key, next, { ifMatch: etag })).etag;
            record = next;
        }
        catch (error) {
            if (error instanceof _object_store_js__WEBPACK_IMPORTED_MODULE_3__/* .PreconditionFailedError */ .k9) {
                const now = await readLease(store, key).catch(() => undefined);
                // An earlier renewal that reached the store but whose answer was lost: still ours.
                if (now && isSameHolding(now.record, record)) {
                    etag = now.etag;
                    record = now.record;
                    return;
                }
                lose(now ? `was taken over by run ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeLeaseHolder */ .iA)(now.record)}` : 'was removed by someone else');
                return;
            }
            // Transient trouble: the next renewal tries again, unless the lease has lapsed by then.
            if (Date.parse(record.expiresAt) <= Date.now())
                lose(`could not be renewed before it expired at ${record.expiresAt}`);
        }
    };
    const schedule = () => {
        if (stopped)
            return;
        timer = setTimeout(() => {
            renewal = renew().finally(schedule);
        }, timing.renewEveryMs);
        // A held lease alone must not keep the process alive.
        timer.unref();
    };
    schedule();
    return {
        key,
        get record() {
            return record;
        },
        lost: controller.signal,
        async release() {
            const already = stopped;
            stopped = true;
            clearTimeout(timer);
            await renewal;
            if (already || controller.signal.aborted)
                return;
            // Only while it is still ours and live: nobody may take over a live lease, so
            // between this look and the delete it cannot change hands.
            const current = await store.head(key);
            if (current?.etag === etag && Date.parse(record.expiresAt) > Date.now())
                await store.delete(key);
        },
    };
}
function isSameHolding(a, b) {
    return a.holder === b.holder && a.host === b.host && a.pid === b.pid && a.acquiredAt === b.acquiredAt;
}


/***/ }),

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A1: () => (/* binding */ parseIndex),
/* harmony export */   Ie: () => (/* binding */ entryAfterWrite),
/* harmony export */   M_: () => (/* binding */ settledSummaries),
/* harmony export */   Od: () => (/* binding */ sameMembers),
/* harmony export */   YG: () => (/* binding */ summaryOf),
/* harmony export */   bA: () => (/* binding */ withEntries),
/* harmony export */   cy: () => (/* binding */ entryFor),
/* harmony export */   gW: () => (/* binding */ emptyIndex),
/* harmony export */   oX: () => (/* binding */ indexText)
/* harmony export */ });
/* unused harmony exports INDEX_FORMAT, indexedRun */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8301);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9716);
// The ledger index: per pipeline, each partition's run ids and a summary of its
// latest run, so `plan` reads one file instead of every record. It is a cache of
// the records, never their replacement: every entry carries a stamp of what it was
// read from (a folder's mtime, a git tree id), each backend compares the stamps
// with the records' current ones and reads the records again wherever they differ
// (a record written by hand, by an older pipewright, or by a writer that died
// between its record and the index). A missing, unreadable or older-format index
// is simply an index with no entries.


/** Bumped when the entries change meaning; an index of another format is rebuilt. */
const INDEX_FORMAT = 1;
function indexedRun(record) {
    const { runId, state, startedAt, endedAt, sequence, pinned } = record;
    return { runId, state, startedAt, endedAt, sequence, pinned };
}
/** The entry for a partition's runs (oldest first, as `Ledger.runs` gives them); undefined when it has none. */
function entryFor(partition, stamp, runs) {
    const latest = runs.at(-1);
    if (!latest)
        return undefined;
    return { partition, stamp, runIds: runs.map((r) => r.runId), ...indexedRun(latest) };
}
/**
 * The entry after `record` was written, from the entry before it, when the
 * partition holds exactly the runs the entry knew plus this one and this one is
 * the latest: no record needs reading. Undefined when the caller must read the
 * partition's records instead (it changed behind the index's back, or an older
 * run was written). `seen.stamp` is that of the partition with this record latest.
 */
function entryAfterWrite(before, record, seen) {
    const known = before?.runIds ?? [];
    // A rewrite of the latest run (running, then its end) stays the latest; a new run must be later than the latest.
    const fits = seen.existed
        ? before?.runId === record.runId
        : !before || (!known.includes(record.runId) && (0,_ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .compareRuns */ .qB)(record, before) > 0);
    const runIds = seen.existed ? known : [...known, record.runId];
    if (!fits || !sameMembers(runIds, seen.runIds))
        return undefined;
    return { partition: record.partition, stamp: seen.stamp, runIds, ...indexedRun(record) };
}
/** The two lists hold the same run ids, in any order. */
function sameMembers(a, b) {
    if (a.length !== b.length)
        return false;
    const set = new Set(a);
    return b.every((id) => set.has(id));
}
function summaryOf(dagId, entry) {
    const { stamp: _, runIds: __, ...run } = entry;
    return { dagId, ...run };
}
/**
 * Each partition's latest run from its entry, a `running` one passed through the
 * backend's `settle` (is its runner alive?). Awaited only when there is something
 * to settle: a plan reads thousands of these.
 */
async function settledSummaries(dagId, entries, settle) {
    const summaries = new Map();
    for (const entry of entries) {
        const summary = summaryOf(dagId, entry);
        summaries.set(entry.partition, summary.state === 'running' ? await settle(summary) : summary);
    }
    return summaries;
}
/** `entries` replace those of their partitions; partitions in `gone` are dropped. */
function withEntries(index, entries, gone = new Set()) {
    const byKey = new Map(index.partitions.map((e) => [e.partition, e]));
    for (const key of gone)
        byKey.delete(key);
    for (const entry of entries)
        byKey.set(entry.partition, entry);
    const partitions = [...byKey.values()].sort((a, b) => (a.partition < b.partition ? -1 : 1));
    return { ...index, partitions };
}
function emptyIndex(dagId) {
    return { format: INDEX_FORMAT, dagId, partitions: [] };
}
function indexText(index) {
    return (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .toJsonText */ .jj)(index);
}
/** The index in `text`, or an empty one when the text is not an index of this format for `dagId`. */
function parseIndex(text, dagId) {
    if (text === undefined)
        return emptyIndex(dagId);
    try {
        const index = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .fromJsonValue */ .Cw)(JSON.parse(text));
        if (index.format === INDEX_FORMAT && index.dagId === dagId && Array.isArray(index.partitions))
            return index;
    }
    catch {
        // A torn or hand-mangled index is rebuilt from the records.
    }
    return emptyIndex(dagId);
}


/***/ }),

/***/ 9716:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   qB: () => (/* binding */ compareRuns)
/* harmony export */ });
/* unused harmony exports nextSequence, summarize, latestSummaries */
// The run ledger: one record per partition run. Backends (the filesystem in
// fs-ledger.ts, a git state branch in git-ledger.ts) implement `Ledger`; `plan`
// only needs to read, and only a summary of each partition's latest run.
/**
 * Oldest first: by sequence when both runs have one (a clock that jumped cannot
 * reorder them), else by startedAt (ISO, UTC), then runId.
 */
function compareRuns(a, b) {
    if (a.sequence !== undefined && b.sequence !== undefined && a.sequence !== b.sequence) {
        return a.sequence - b.sequence;
    }
    if (a.startedAt !== b.startedAt)
        return a.startedAt < b.startedAt ? -1 : 1;
    return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
}
/** The sequence the next run of a partition takes, given its runs so far. */
function nextSequence(runs) {
    return runs.reduce((max, r) => Math.max(max, r.sequence ?? 0), runs.length) + 1;
}
function summarize(record) {
    const { dagId, partition, runId, state, startedAt, endedAt, sequence, pinned, abandoned } = record;
    return { dagId, partition, runId, state, startedAt, endedAt, sequence, pinned, abandoned };
}
/** The latest run of each partition, summarised, from the ledger's index when it keeps one. */
async function latestSummaries(ledger, dagId) {
    if (ledger.latestSummaries)
        return await ledger.latestSummaries(dagId);
    return new Map([...(await ledger.latestRuns(dagId))].map(([key, run]) => [key, summarize(run)]));
}


/***/ }),

/***/ 3266:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d_: () => (/* binding */ ObjectNotFoundError),
/* harmony export */   k9: () => (/* binding */ PreconditionFailedError)
/* harmony export */ });
/* unused harmony exports deletePrefix, storeForRun */
// A data root seen as objects: keys relative to the root (posix, no leading
// slash), whole-object writes, server-side copies. The filesystem store and the
// S3-compatible bucket store both implement it, so the commit protocol, checks,
// sensors, leases and the bucket ledger are written once. Keys never escape the
// root: every implementation refuses `..`, absolute keys and empty segments.
/** A conditional write lost: the object exists (`ifNoneMatch`) or changed (`ifMatch`). */
class PreconditionFailedError extends Error {
    key;
    constructor(key, message) {
        super(message ?? `${key} was written by someone else meanwhile`);
        this.name = 'PreconditionFailedError';
        this.key = key;
    }
}
/** No object at the key. */
class ObjectNotFoundError extends Error {
    key;
    constructor(key, where) {
        super(`${where} does not exist`);
        this.name = 'ObjectNotFoundError';
        this.key = key;
    }
}
/** Removes every object under `prefix` (a folder store removes the folders too). */
async function deletePrefix(store, prefix) {
    const tree = store;
    if (tree.removeTree)
        return tree.removeTree(prefix);
    const keys = [];
    for await (const info of store.list(prefix))
        keys.push(info.key);
    for (const key of keys)
        await store.delete(key);
}
/**
 * The store as one run uses it, and what to call when the run ends: a bucket
 * keeps local copies of what the run writes and reads (bucket-store.ts
 * `withRunCopies`), which `close` removes; a folder is itself.
 */
function storeForRun(store) {
    const scoped = store;
    return scoped.withRunCopies ? scoped.withRunCopies() : { store, close: async () => { } };
}


/***/ }),

/***/ 5411:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e$: () => (/* binding */ STATE_DIR),
  rI: () => (/* binding */ assertSafeSegment),
  yY: () => (/* binding */ relativeToRoot),
  LI: () => (/* binding */ resolveInside),
  Hw: () => (/* binding */ resolvePartitionKeys)
});

// UNUSED EXPORTS: DATA_ROOT_ENV, assertDataRootUsable, keyInsideRoot, renderTemplate, resolveDataRoot, resolvePartitionPaths, templateVars

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/contract/templates.ts
// `{{ name }}` templates in contract paths and command arguments. The store
// renders them per partition; here we only check that every name exists.
/** Variables every template may use; task fields may also use inputs.NAME and outputs.NAME. */
const TEMPLATE_VARIABLES = [
    'ds',
    'ds_nodash',
    'hour',
    'ts_nodash',
    'partition',
    'data_interval_start',
    'data_interval_end',
];
const VARIABLES = new Set(TEMPLATE_VARIABLES);
const TEMPLATE = /\{\{\s*([^}]*?)\s*\}\}/g;
function templateRefs(text) {
    // Most strings have none: skip the regex.
    if (!text.includes('{{'))
        return [];
    return [...text.matchAll(TEMPLATE)].map((m) => ({ raw: m[0], name: m[1] ?? '' }));
}
/** The `{{ ...` fragments that never close with `}}` (a typo like `{{ ds }` would otherwise be taken as text). */
function unclosedTemplates(text) {
    let opens = 0;
    for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2))
        opens++;
    if (opens === 0)
        return [];
    const matches = [...text.matchAll(TEMPLATE)];
    // Each match starts at its own `{{`: as many matches as `{{` means every one closes.
    if (matches.length === opens)
        return [];
    const closed = new Set(matches.map((m) => m.index));
    const open = [];
    for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2))
        if (!closed.has(at)) {
            const next = text.indexOf('{{', at + 2);
            open.push(text.slice(at, Math.min(next < 0 ? text.length : next, at + 24)));
        }
    return open;
}
/** Why `name` cannot be resolved, or undefined when it can. */
function unknownTemplateName(name, scope) {
    if (VARIABLES.has(name))
        return undefined;
    const dataset = /^(inputs|outputs)\.(.+)$/.exec(name);
    if (dataset) {
        const [, group, key] = dataset;
        if (!scope.datasets)
            return `'{{ ${name} }}' cannot be used here: inputs and outputs may only use ${TEMPLATE_VARIABLES.join(', ')}`;
        if (!scope[group].includes(key)) {
            const known = scope[group].length ? scope[group].join(', ') : 'none';
            return `unknown ${group.slice(0, -1)} '${key}' in '{{ ${name} }}' (${group}: ${known})`;
        }
        return undefined;
    }
    const extra = scope.datasets ? ', inputs.NAME, outputs.NAME' : '';
    return `unknown template variable '{{ ${name} }}' (known: ${TEMPLATE_VARIABLES.join(', ')}${extra})`;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/store/paths.ts
// Every contract path resolves under one data root, and nothing may leave it:
// partition keys and rendered templates are checked before any file is touched.




const DATA_ROOT_ENV = 'PIPEWRIGHT_DATA_ROOT';
/** The folder under the data root that pipewright owns: run ledger, locks, reports. */
const STATE_DIR = '_pipewright';
/**
 * `--data-root` wins over PIPEWRIGHT_DATA_ROOT, which wins over the contract's
 * `data_root` (relative to the pipeline folder), then `<pipeline folder>/data`.
 * An `s3://bucket/prefix` address is kept as it is.
 */
function resolveDataRoot(pipeline, flag, env = process.env, cwd = process.cwd()) {
    const chosen = nonEmpty(flag) ?? nonEmpty(env[DATA_ROOT_ENV]);
    const named = chosen ?? nonEmpty(pipeline.dataRoot);
    if (named !== undefined && /[\0\r\n]/.test(named))
        throw new UsageError(`refusing data root ${JSON.stringify(named)}: it contains a line break or NUL`);
    if (named === undefined)
        return join(pipeline.dir, 'data');
    if (/^s3:\/\//i.test(named))
        return named;
    return chosen !== undefined ? resolve(cwd, chosen) : resolve(pipeline.dir, named);
}
/** The template variables of one partition; `ds` is the interval start's date in the pipeline's zone. */
function templateVars(partition) {
    // The start carries the zone's offset, so its first ten characters are the local date.
    const ds = partition.dataIntervalStart.slice(0, 10);
    return {
        ds,
        ds_nodash: ds.replaceAll('-', ''),
        hour: partition.dataIntervalStart.slice(11, 13),
        ts_nodash: partition.dataIntervalStart.slice(0, 19).replaceAll('-', '').replaceAll(':', ''),
        partition: partition.key,
        data_interval_start: partition.dataIntervalStart,
        data_interval_end: partition.dataIntervalEnd,
    };
}
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
/** Replaces `{{ name }}` / `{{ inputs.NAME }}` / `{{ outputs.NAME }}`; an unknown name is a UsageError. */
function renderTemplate(template, vars) {
    return template.replace(PLACEHOLDER, (_match, name) => {
        const value = lookup(vars, name);
        if (value === undefined) {
            throw new errors/* UsageError */.eb(`unknown template variable '{{ ${name} }}' in '${template}' (known: ${knownNames(vars)})`);
        }
        return value;
    });
}
function lookup(vars, name) {
    const dot = name.indexOf('.');
    const head = dot < 0 ? name : name.slice(0, dot);
    const tail = dot < 0 ? undefined : name.slice(dot + 1);
    if (tail !== undefined) {
        if (head !== 'inputs' && head !== 'outputs')
            return undefined;
        const table = vars[head];
        return table && Object.hasOwn(table, tail) ? table[tail] : undefined;
    }
    if (head === 'inputs' || head === 'outputs')
        return undefined;
    const value = vars[head];
    return typeof value === 'string' ? value : undefined;
}
function knownNames(vars) {
    const names = [...TEMPLATE_VARIABLES];
    for (const table of ['inputs', 'outputs']) {
        for (const key of Object.keys(vars[table] ?? {}))
            names.push(`${table}.${key}`);
    }
    return names.join(', ');
}
/**
 * Refuses a value used as one path segment (partition key, dag id, run id) when it
 * could climb out of its folder or hide: `..`, separators, NUL, a leading dot.
 */
function assertSafeSegment(value, what) {
    const problem = segmentProblem(value);
    if (problem !== undefined) {
        throw new errors/* UsageError */.eb(`refusing ${what} '${printable(value)}': ${problem}, so it could escape the data root`);
    }
}
function segmentProblem(value) {
    if (value === '')
        return 'it is empty';
    if (value.includes('\0'))
        return 'it contains a NUL byte';
    if (value.includes('/'))
        return "it contains '/'";
    if (value.includes('\\'))
        return "it contains '\\'";
    if (value.includes('..'))
        return "it contains '..'";
    if (value.startsWith('.'))
        return "it starts with '.'";
    return undefined;
}
/** Absolute path of `path` (relative to the root, or absolute) that must lie strictly inside `dataRoot`. */
function resolveInside(dataRoot, path) {
    if (path.includes('\0'))
        throw new errors/* UsageError */.eb(`refusing path '${printable(path)}': it contains a NUL byte`);
    const root = (0,external_node_path_.resolve)(dataRoot);
    const target = (0,external_node_path_.resolve)(root, path);
    const rel = (0,external_node_path_.relative)(root, target);
    if (rel === '' || rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel)) {
        throw new errors/* UsageError */.eb(`refusing path '${path}': it resolves to ${target}, outside the data root ${root}`);
    }
    return target;
}
/** Path relative to the data root with forward slashes, as recorded in manifests and run records. */
function relativeToRoot(dataRoot, absolute) {
    return (0,external_node_path_.relative)((0,external_node_path_.resolve)(dataRoot), absolute).split(external_node_path_.sep).join('/');
}
/**
 * The contract's inputs and outputs of one partition as keys relative to the data
 * root (a folder or a bucket prefix), refused when they would leave it.
 */
function resolvePartitionKeys(pipeline, partition) {
    // A `from:` input's key is relative to its upstream's data root (the caller knows which store that is).
    const paths = resolvePartitionPaths({ inputs: pipeline.inputs, outputs: pipeline.outputs }, partition, KEY_ROOT);
    const rel = (record) => Object.fromEntries(Object.entries(record).map(([name, path]) => [name, relativeToRoot(KEY_ROOT, path)]));
    return { inputs: rel(paths.inputs), outputs: rel(paths.outputs) };
}
// Keys are resolved against a stand-in root: the same rules as paths in a folder, whatever the store.
const KEY_ROOT = (0,external_node_path_.resolve)('/pipewright-data-root');
/** `path` as a key relative to the data root (normalized), refused when it would leave the root. */
function keyInsideRoot(path) {
    return relativeToRoot(KEY_ROOT, resolveInside(KEY_ROOT, path));
}
/**
 * The contract's inputs and outputs of one partition as absolute paths inside the data root
 * (a `from:` input inside its upstream's data root).
 */
function resolvePartitionPaths(pipeline, partition, dataRoot) {
    assertSafeSegment(partition.key, 'partition key');
    const base = templateVars(partition);
    const inputs = {};
    for (const [name, template] of Object.entries(pipeline.inputs)) {
        inputs[name] = resolveInside(pipeline.from?.[name]?.dataRoot ?? dataRoot, renderTemplate(template, base));
    }
    const outputs = {};
    for (const [name, template] of Object.entries(pipeline.outputs)) {
        outputs[name] = resolveInside(dataRoot, renderTemplate(template, base));
    }
    return { inputs, outputs };
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value;
}
function printable(value) {
    return value.replaceAll('\0', '\\0');
}
const inside = (root, path) => {
    const rel = relative(root, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};
function statOf(path) {
    try {
        return lstatSync(path);
    }
    catch {
        return undefined;
    }
}
/** The folders of a path template before its first `{{`, e.g. `gold/sales/dt={{ ds }}/x.csv` → gold, gold/sales. */
function fixedFolders(template) {
    const fixed = template
        .split('{{')[0]
        .split('/')
        .slice(0, -1)
        .filter((s) => s !== '' && s !== '.');
    return fixed.map((_, i) => fixed.slice(0, i + 1).join('/'));
}
/**
 * Checks, before anything is written, that the data root can hold this pipeline's
 * files: it is a folder (or does not exist yet), pipewright's own folders are
 * folders, and no symbolic link on the way to a dataset (the fixed folders of
 * each path, and the entries right under the deepest one, such as `dt=...`)
 * leads outside the data root's real path. Paths are checked by text elsewhere;
 * this closes the gap a link would open.
 */
function assertDataRootUsable(dataRoot, pipeline) {
    if (/^s3:\/\//i.test(dataRoot))
        return; // a bucket is checked when it is opened (src/store/data-root.ts)
    const root = resolve(dataRoot);
    const info = statOf(root);
    if (info === undefined) {
        assertCreatable(root); // created on first write
        return;
    }
    if (!(info.isSymbolicLink() ? statSync(root) : info).isDirectory())
        throw new UsageError(`data root ${root} is not a folder: point --data-root (or ${DATA_ROOT_ENV}) at a folder`);
    const realRoot = realpathSync(root);
    const templates = [...Object.values(pipeline.inputs), ...Object.values(pipeline.outputs)];
    const checked = new Set();
    const check = (path) => {
        if (checked.has(path))
            return;
        checked.add(path);
        const at = statOf(path);
        if (!at?.isSymbolicLink())
            return;
        let target;
        try {
            target = realpathSync(path);
        }
        catch {
            target = `${readlinkSync(path)} (missing)`;
        }
        if (!isAbsolute(target) || !inside(realRoot, target))
            throw new StateError(`${path} is a link to ${target}, outside the data root ${realRoot}: replace it with a folder, or point --data-root at the real data`, path);
    };
    for (const folder of [STATE_DIR, ...['runs', 'locks', 'reports'].map((f) => `${STATE_DIR}/${f}`)]) {
        const path = join(root, folder);
        const at = statOf(path);
        if (at?.isSymbolicLink())
            check(path);
        if (at && !(at.isSymbolicLink() ? statSync(path) : at).isDirectory())
            throw new StateError(`${path} is not a folder: pipewright keeps its state there; move it aside`, path);
    }
    for (const template of templates) {
        const folders = fixedFolders(template);
        for (const folder of folders)
            check(join(root, folder));
        const deepest = join(root, folders.at(-1) ?? '.');
        if (!statOf(deepest)?.isDirectory())
            continue;
        for (const name of readdirSync(deepest))
            check(join(deepest, name));
    }
}
/** A data root not created yet: its nearest existing ancestor must be a folder (a link to one is fine). */
function assertCreatable(root) {
    let ancestor = dirname(root);
    while (statOf(ancestor) === undefined && dirname(ancestor) !== ancestor)
        ancestor = dirname(ancestor);
    const fix = `point --data-root (or ${DATA_ROOT_ENV}) at a folder`;
    if (statOf(ancestor)?.isSymbolicLink() && !existsSync(ancestor))
        throw new UsageError(`data root ${root} cannot be created: ${ancestor} is a link to ${readlinkSync(ancestor)}, which does not exist: create it, or ${fix}`);
    if (!statSync(ancestor).isDirectory())
        throw new UsageError(`data root ${root} cannot be created: ${ancestor} is not a folder: ${fix}`);
}


/***/ }),

/***/ 7160:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ isProcessAlive)
/* harmony export */ });
// Whether a process on this host still runs: decides if a temp file or a lock
// was left behind by a killed writer.
/** True unless the kernel says no such process; a process we may not signal still counts as alive. */
function isProcessAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}


/***/ }),

/***/ 7963:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ parseRunRecord)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8301);
// Reading one run record file, for both ledgers. A truncated, empty, garbage or
// `null` record is a broken state the user must repair: it is refused with one
// line naming the file and the fix, never read as "no runs yet" or left to crash
// deeper in.


// The one serializer's reader: snake_case files (and camelCase ones written before it).
const asRecord = (json) => (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .fromJsonValue */ .Cw)(json);
const REQUIRED_STRINGS = ['dagId', 'partition', 'runId', 'state', 'startedAt'];
/** What is missing from a decoded record, or undefined when it has what readers rely on. */
function missingFields(record) {
    const fields = record;
    const missing = REQUIRED_STRINGS.filter((key) => typeof fields[key] !== 'string');
    if (!Array.isArray(fields.tasks))
        missing.push('tasks');
    return missing.length ? missing.join(', ') : undefined;
}
function describe(value) {
    if (value === null)
        return 'null';
    return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
function refusal(where, fix, why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StateError */ .qq(`run record ${where} ${why}: ${fix}`, where);
}
/**
 * The run record in `text`. `where` names the file for the message (a path, or
 * `runs/... on branch 'pipewright-state'`); `fix` says how to get past it.
 */
function parseRunRecord(text, where, fix = 'move it aside to continue', decode = asRecord) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw refusal(where, fix, text.trim() === '' ? 'is empty' : `is not valid JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw refusal(where, fix, `holds ${describe(value)}, not a run record`);
    let record;
    try {
        record = decode(value);
    }
    catch (error) {
        throw refusal(where, fix, `is not a run record (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)})`);
    }
    const missing = missingFields(record);
    if (missing)
        throw refusal(where, fix, `is not a run record (no ${missing})`);
    return record;
}


/***/ }),

/***/ 9352:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ writeAll)
/* harmony export */ });
/** Writes every byte of `bytes` at the file's current position. */
async function writeAll(handle, bytes) {
    for (let at = 0; at < bytes.byteLength;)
        at += (await handle.write(bytes, at, bytes.byteLength - at)).bytesWritten;
}


/***/ }),

/***/ 3300:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  D: () => (/* binding */ startWorker),
  T: () => (/* binding */ workerFile)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(5919);
;// CONCATENATED MODULE: ./src/worker-file.ts
// Where a worker thread's code is: beside its module when pipewright runs from source
// (tsx, or Node's own type stripping), its own bundle in dist/<name>/ when it runs from
// the bundles (scripts/build.js bundles each worker entry). Joined at run time, so the
// bundler leaves the path alone.



/** `source` relative to src/ (e.g. `store/rows-worker.ts`); `bundle` the dist/ folder name. */
function workerFile(source, bundle) {
    const fromSource = import.meta.url.endsWith('.ts');
    return new URL((fromSource ? ['.', source] : ['..', bundle, 'index.js']).join('/'), import.meta.url);
}
/**
 * A worker thread running `file`. A .ts file (pipewright run from source) loads with Node's
 * own type stripping and source-hooks.ts, without the parent's loaders: under tsx, the worker
 * would start its own loader thread and transform each module, several times the start.
 */
function startWorker(file, options = {}) {
    if (!file.pathname.endsWith('.ts'))
        return new external_node_worker_threads_.Worker(file, options);
    // Beside this module, named at run time: a literal path would make the bundler copy the file into dist/.
    const here = (0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url);
    const hooks = `${here.slice(0, here.lastIndexOf(external_node_path_.sep))}${external_node_path_.sep}source-hooks.ts`;
    return new external_node_worker_threads_.Worker(file, { ...options, execArgv: ['--import', (0,external_node_url_namespaceObject.pathToFileURL)(hooks).href] });
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 6781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// CommonJS on purpose (see luxon.ts): require('luxon') gets the build cron-parser gets.
module.exports = __nccwpck_require__(2596);


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(5919);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/contract/duration.ts
// Durations in contracts: a number and a unit, e.g. 500ms, 30s, 5m, 1h, 1d.
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
/**
 * The longest duration a timer can hold: Node's setTimeout fires after 1 ms for
 * anything at or above 2^31 ms, so a longer timeout or delay would be misread.
 */
const MAX_DURATION_MS = (/* unused pure expression or super */ null && (2 ** 31 - 1));
/** Milliseconds of a duration, or undefined when the text is not one. */
function parseDuration(text) {
    const match = DURATION.exec(text.trim());
    if (!match)
        return undefined;
    return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./src/json.ts
var json = __nccwpck_require__(8301);
// EXTERNAL MODULE: ./src/map-limited.ts
var map_limited = __nccwpck_require__(9270);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/store/errno.ts
// Node's filesystem errors carry their errno name in `code`.
/**
 * `error` with `path` set when Node left it out (writes through a file handle report
 * ENOSPC without one), so the edge can name the file in its one line.
 */
function withPath(error, path) {
    const e = error;
    if (e && typeof e === 'object' && typeof e.code === 'string' && e.path === undefined)
        e.path = path;
    return error;
}
/** True when `error` is a Node system error with this code (ENOENT, EEXIST, ...). */
function isCode(error, code) {
    return error?.code === code;
}

// EXTERNAL MODULE: ./src/store/paths.ts + 1 modules
var paths = __nccwpck_require__(5411);
// EXTERNAL MODULE: ./src/store/pid.ts
var store_pid = __nccwpck_require__(7160);
;// CONCATENATED MODULE: ./src/store/rows.ts
// Rows as manifests count them: for .csv files, records after the header (a
// newline inside quotes does not end a record; blank lines are no records); for
// other files, lines. Counted chunk by chunk, so a writer can count as it writes.

/** The counter for `path`'s kind of file. */
function rows_rowCounterFor(path) {
    return (0,external_node_path_.extname)(path).toLowerCase() === '.csv' ? csvRecordCounter() : lineCounter();
}
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/**
 * CSV records excluding the header: a newline inside quotes does not end a record; blank lines are no records.
 * This counter sees every byte a run writes, and its input checksums, so it never judges bytes one
 * by one: quotes are found with memchr (Buffer's indexOf), and between them the line feeds are
 * counted four bytes at a time. Only a stretch where a blank line may hide (a line feed followed
 * by another or by a CR) has its lines looked at one by one.
 */
function csvRecordCounter() {
    let records = 0;
    let inQuotes = false;
    /** The current line holds something besides CRs. */
    let hasContent = false;
    /** Counts the lines that end in chunk[from, end), a stretch outside quotes. */
    const lines = (chunk, bytes, from, end) => {
        let lf = bytes.indexOf(LF, from);
        if (lf < 0 || lf >= end) {
            if (!hasContent)
                hasContent = !onlyCrs(chunk, from, end);
            return;
        }
        if (hasContent || !onlyCrs(chunk, from, lf))
            records++;
        const more = lineFeedsAfter(chunk, lf, end);
        if (more >= 0) {
            // Every line after the first starts with a byte that is neither LF nor CR: none is blank.
            records += more;
            const last = more === 0 ? lf : bytes.lastIndexOf(LF, end - 1);
            hasContent = !onlyCrs(chunk, last + 1, end);
            return;
        }
        for (;;) {
            const next = bytes.indexOf(LF, lf + 1);
            if (next < 0 || next >= end) {
                hasContent = !onlyCrs(chunk, lf + 1, end);
                return;
            }
            if (!onlyCrs(chunk, lf + 1, next))
                records++;
            lf = next;
        }
    };
    return {
        add(chunk) {
            const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
            let from = 0;
            for (;;) {
                const quote = bytes.indexOf(QUOTE, from);
                if (inQuotes) {
                    if (quote < 0)
                        return;
                    inQuotes = false;
                }
                else {
                    lines(chunk, bytes, from, quote < 0 ? chunk.length : quote);
                    if (quote < 0)
                        return;
                    hasContent = true;
                    inQuotes = true;
                }
                from = quote + 1;
            }
        },
        total() {
            return Math.max(0, records + (hasContent ? 1 : 0) - 1);
        },
    };
}
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/**
 * The line feeds in chunk(lf, end), where chunk[lf] is one; -1 as soon as a line feed is followed
 * by another or by a CR (a blank line may start there). Four bytes at a time where they are aligned
 * (on little-endian machines, where the order of bytes in a word is known).
 */
function lineFeedsAfter(chunk, lf, end) {
    let n = 0;
    let afterLf = true;
    let i = lf + 1;
    const offset = chunk.byteOffset;
    while (i < end && (!LITTLE_ENDIAN || ((offset + i) & 3) !== 0)) {
        const c = chunk[i++];
        if (afterLf && (c === LF || c === CR))
            return -1;
        afterLf = c === LF;
        if (afterLf)
            n++;
    }
    const words = (end - i) >> 2;
    if (words > 0) {
        const view = new Int32Array(chunk.buffer, offset + i, words);
        for (let w = 0; w < words; w++) {
            const word = view[w];
            if (afterLf) {
                const first = word & 0xff;
                if (first === LF || first === CR)
                    return -1;
            }
            const lfs = zeroBytes(word ^ 0x0a0a0a0a);
            if (lfs === 0) {
                afterLf = false;
                continue;
            }
            // A line feed followed, inside the word, by a line feed or a CR.
            if (((lfs << 8) & (lfs | zeroBytes(word ^ 0x0d0d0d0d))) !== 0)
                return -1;
            n += Math.imul(lfs >>> 7, 0x01010101) >>> 24;
            afterLf = (lfs & 0x80000000) !== 0;
        }
        i += words << 2;
    }
    while (i < end) {
        const c = chunk[i++];
        if (afterLf && (c === LF || c === CR))
            return -1;
        afterLf = c === LF;
        if (afterLf)
            n++;
    }
    return n;
}
/** 0x80 in each byte of the result whose byte of `x` is zero, nothing elsewhere (exact: no borrow between bytes). */
function zeroBytes(x) {
    return ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
}
function onlyCrs(chunk, start, end) {
    for (let i = start; i < end; i++)
        if (chunk[i] !== CR)
            return false;
    return true;
}
/** Lines, counting a last line without its newline. */
function lineCounter() {
    let lines = 0;
    let lastByte;
    return {
        add(chunk) {
            for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1))
                lines++;
            if (chunk.length > 0)
                lastByte = chunk[chunk.length - 1];
        },
        total() {
            return lines + (lastByte !== undefined && lastByte !== LF ? 1 : 0);
        },
    };
}

// EXTERNAL MODULE: ./src/store/write-all.ts
var write_all = __nccwpck_require__(9352);
;// CONCATENATED MODULE: ./src/store/atomic.ts
// Atomic publication of one file under the data root: write a temporary file in
// the target's own folder, fsync it, rename it over the target, fsync the folder.
// rename(2) within one folder swaps the name in one step, so a reader sees the
// old file or the new one, never a half-written one; a writer killed midway
// leaves only a hidden temp file, which the next write to that folder sweeps.








const TEMP_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]{12}$/;
const DEFAULT_STALE_AFTER_MS = 60 * 60 * 1000;
// Small writes (a CSV row at a time) are gathered so each syscall moves a useful amount.
const FLUSH_BYTES = 1 << 20;
// A big file is flushed to disk in the background every so often while it is written, so the
// fsync of its commit waits only for the last stretch (500 MB at once took ~0.3 s).
const EARLY_SYNC_BYTES = 64 << 20;
/** The hidden temp name used while `target` is being written: `.<name>.tmp-<pid>-<random>`. */
function tempNameFor(target) {
    return `.${(0,external_node_path_.basename)(target)}.tmp-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
}
/** True for names `tempNameFor` makes: never listed in manifests, swept when stale. */
function isTempName(name) {
    return TEMP_NAME.test(name);
}
function createAtomicWriter(dataRoot, options = {}) {
    const root = (0,external_node_path_.resolve)(dataRoot);
    const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    const openFile = async (path) => openAtomic((0,paths/* resolveInside */.LI)(root, path), staleAfterMs);
    return {
        open: openFile,
        async writeFile(path, data) {
            const file = await openFile(path);
            try {
                for await (const chunk of chunksOf(data))
                    await file.write(chunk);
                return await file.commit();
            }
            catch (error) {
                await file.abort();
                throw error;
            }
        },
    };
}
/** Removes temp files in `dir` left by dead processes, or untouched for `staleAfterMs`. */
async function sweepStaleTemps(dir, staleAfterMs = DEFAULT_STALE_AFTER_MS) {
    const swept = [];
    let names;
    try {
        names = await (0,promises_.readdir)(dir);
    }
    catch (error) {
        if (isCode(error, 'ENOENT'))
            return swept;
        throw error;
    }
    const now = Date.now();
    for (const name of names) {
        const match = TEMP_NAME.exec(name);
        if (!match)
            continue;
        const pid = Number(match[1]);
        const path = (0,external_node_path_.join)(dir, name);
        try {
            const abandoned = pid !== process.pid && !(0,store_pid/* isProcessAlive */.j)(pid);
            if (abandoned || now - (await (0,promises_.stat)(path)).mtimeMs > staleAfterMs) {
                await (0,promises_.unlink)(path);
                swept.push(path);
            }
        }
        catch (error) {
            // Another writer swept it first.
            if (!isCode(error, 'ENOENT'))
                throw error;
        }
    }
    return swept;
}
async function openAtomic(target, staleAfterMs) {
    const dir = (0,external_node_path_.dirname)(target);
    await (0,promises_.mkdir)(dir, { recursive: true });
    await sweepStaleTemps(dir, staleAfterMs);
    const temp = (0,external_node_path_.join)(dir, tempNameFor(target));
    const handle = await (0,promises_.open)(temp, 'wx');
    const hash = (0,external_node_crypto_.createHash)('sha256');
    // Counted as written, so publishing needs no second read of a large output.
    const rows = rows_rowCounterFor(target);
    let bytes = 0;
    // Small writes gather in one buffer, reused from flush to flush: no allocation per write.
    let pending;
    let pendingBytes = 0;
    // Writes take turns, so one not awaited still lands in order and never fills the buffer being written.
    let queue = Promise.resolve();
    let failure;
    let state = 'open';
    let unsynced = 0;
    /** A background fdatasync in flight. */
    let syncing;
    const written = (n) => {
        unsynced += n;
        if (unsynced < EARLY_SYNC_BYTES || syncing !== undefined)
            return;
        unsynced = 0;
        syncing = handle
            .datasync()
            // Kept for the commit: Linux reports a writeback error to one fsync only, this one.
            .catch((error) => {
            failure ??= withPath(error, temp);
        })
            .finally(() => {
            syncing = undefined;
        });
    };
    const flush = async () => {
        if (pendingBytes === 0 || pending === undefined)
            return;
        const length = pendingBytes;
        pendingBytes = 0;
        await writeTemp(handle, pending.subarray(0, length), temp);
        written(length);
    };
    const put = async (chunk) => {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (buffer.byteLength === 0)
            return;
        hash.update(buffer);
        rows.add(buffer);
        bytes += buffer.byteLength;
        if (pendingBytes + buffer.byteLength > FLUSH_BYTES)
            await flush();
        if (buffer.byteLength >= FLUSH_BYTES) {
            // A big chunk goes to the file as it is, written before write() resolves.
            await writeTemp(handle, buffer, temp);
            written(buffer.byteLength);
            return;
        }
        // Copied: the caller may reuse its buffer once write() resolves.
        pending ??= new Uint8Array(FLUSH_BYTES);
        pending.set(buffer, pendingBytes);
        pendingBytes += buffer.byteLength;
        if (pendingBytes === FLUSH_BYTES)
            await flush();
    };
    const assertOpen = () => {
        if (state !== 'open')
            throw new Error(`atomic write of ${target} is already ${state}`);
    };
    return {
        async write(chunk) {
            assertOpen();
            const done = queue.then(() => put(chunk));
            // A failed write fails the commit too, even when its own promise went unobserved.
            queue = done.catch((error) => {
                failure ??= error;
            });
            await done;
        },
        async commit() {
            assertOpen();
            state = 'committed';
            try {
                await queue;
                if (failure !== undefined)
                    throw failure;
                await flush();
                await syncing;
                if (failure !== undefined)
                    throw failure;
                await handle.sync();
                await handle.close();
                await (0,promises_.rename)(temp, target);
            }
            catch (error) {
                await syncing;
                await handle.close().catch(() => { });
                await (0,promises_.unlink)(temp).catch(() => { });
                throw error;
            }
            await syncDir(dir);
            return { path: target, bytes, rows: rows.total(), sha256: hash.digest('hex') };
        },
        async abort() {
            if (state !== 'open')
                return;
            state = 'aborted';
            await syncing;
            await handle.close().catch(() => { });
            await (0,promises_.unlink)(temp).catch((error) => {
                if (!isCode(error, 'ENOENT'))
                    throw error;
            });
        },
    };
}
/** Writes all of `buffer`; a failure names the temp file. */
async function writeTemp(handle, buffer, path) {
    try {
        await (0,write_all/* writeAll */.f)(handle, buffer);
    }
    catch (error) {
        throw withPath(error, path);
    }
}
/** Makes the rename itself durable; some platforms cannot open a folder for fsync, which is fine there. */
async function syncDir(dir) {
    let handle;
    try {
        handle = await (0,promises_.open)(dir, 'r');
        await handle.sync();
    }
    catch (error) {
        if (!isCode(error, 'EISDIR') && !isCode(error, 'EPERM') && !isCode(error, 'EINVAL'))
            throw error;
    }
    finally {
        await handle?.close();
    }
}
async function* chunksOf(data) {
    // Strings and byte arrays are iterable too, but element by element: treat them as one chunk.
    if (typeof data === 'string' || data instanceof Uint8Array) {
        yield data;
        return;
    }
    yield* data;
}

// EXTERNAL MODULE: ./src/store/ledger-index.ts
var ledger_index = __nccwpck_require__(9373);
;// CONCATENATED MODULE: ./src/store/fs-ledger-index.ts
// The filesystem ledger's index (see ledger-index.ts):
// `_pipewright/index/<dag_id>/<generation>.json`. Each update links a new
// generation into place with link(2), which fails if that generation exists, so
// of two writers racing from the same generation one wins and the other applies
// its change again on the winner's index: no lock to go stale, no update lost.
// Old generations are removed, so a writer checks after linking that its
// generation is still the latest (its name may have been freed by that removal).
// Readers take the highest generation; older ones are removed behind them.





const GENERATION = /^(\d+)\.json$/;
/** Races lost in a row before an update gives up (the index is a cache: the records stay the truth). */
const MAX_ATTEMPTS = 50;
/** The index's folder for one pipeline. */
function indexDir(stateDir, dagId) {
    return (0,external_node_path_.join)(stateDir, 'index', dagId);
}
/** The current index (empty when there is none or it cannot be read). */
async function readIndex(dir, dagId) {
    for (let attempt = 0;; attempt++) {
        const generation = await latestGeneration(dir);
        if (generation === 0)
            return { generation, index: (0,ledger_index/* parseIndex */.A1)(undefined, dagId) };
        try {
            return { generation, index: (0,ledger_index/* parseIndex */.A1)(await (0,promises_.readFile)(generationPath(dir, generation), 'utf8'), dagId) };
        }
        catch (error) {
            // Removed by a writer that just published a newer one: read that.
            if (!isCode(error, 'ENOENT') || attempt >= MAX_ATTEMPTS)
                throw error;
        }
    }
}
/**
 * Applies `change` to the current index and publishes the result as the next
 * generation; when another writer published first, applies it again to theirs.
 */
async function updateIndex(dir, dagId, change) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const temp = (0,external_node_path_.join)(dir, `.tmp-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    try {
        for (let attempt = 1;; attempt++) {
            const current = await readIndex(dir, dagId);
            await (0,promises_.writeFile)(temp, (0,ledger_index/* indexText */.oX)(await change(current.index)));
            const next = current.generation + 1;
            try {
                await (0,promises_.link)(temp, generationPath(dir, next));
            }
            catch (error) {
                if (!isCode(error, 'EEXIST') || attempt >= MAX_ATTEMPTS)
                    throw error;
                continue;
            }
            // A writer that fell behind can find its name free again: published and pruned since it read. Then its
            // generation is not the latest and nobody will read it: taken back, the change goes onto the latest.
            if ((await latestGeneration(dir)) > next) {
                await (0,promises_.unlink)(generationPath(dir, next)).catch(() => { });
                if (attempt >= MAX_ATTEMPTS)
                    throw new Error(`the ledger index in ${dir} kept moving ahead of this update`);
                continue;
            }
            await removeOlder(dir, current.generation);
            return;
        }
    }
    finally {
        await (0,promises_.unlink)(temp).catch(() => { });
    }
}
async function latestGeneration(dir) {
    let latest = 0;
    for (const name of await namesIn(dir)) {
        const match = GENERATION.exec(name);
        if (match)
            latest = Math.max(latest, Number(match[1]));
    }
    return latest;
}
/** Generations before `keep` (which a reader may still be opening) go. */
async function removeOlder(dir, keep) {
    for (const name of await namesIn(dir)) {
        const match = GENERATION.exec(name);
        if (match && Number(match[1]) < keep)
            await (0,promises_.unlink)((0,external_node_path_.join)(dir, name)).catch(() => { });
    }
}
function generationPath(dir, generation) {
    return (0,external_node_path_.join)(dir, `${generation}.json`);
}
async function namesIn(dir) {
    try {
        return await (0,promises_.readdir)(dir);
    }
    catch (error) {
        if (isCode(error, 'ENOENT'))
            return [];
        throw error;
    }
}

// EXTERNAL MODULE: ./src/store/ledger.ts
var ledger = __nccwpck_require__(9716);
;// CONCATENATED MODULE: ./src/store/lock.ts
// One run at a time per partition: `<root>/_pipewright/locks/<dag_id>/<partition>.lock`.
// The lock is published complete with link(2), which fails if the name exists,
// so a reader never sees a half-written lock. A lock whose holder died on this
// host is taken over in three steps that let only one taker win:
//   1. link the lock to `<lock>.takeover-<hash of its content>`; link is exclusive,
//      so only one taker claims that generation of the lock;
//   2. read the claim back: if it is not the dead holder's content, a newer lock was
//      linked, so drop the claim (harmless: the lock file itself is untouched);
//   3. rename our complete lock over the dead one, then drop the claim.
// Fresh acquirers only ever link, so while the dead lock is in place nobody but
// the claimant can replace it.









/** A claim older than this belongs to a taker that died inside its few-millisecond takeover. */
const CLAIM_STALE_MS = 30_000;
const MAX_ROUNDS = 8;
function lockPath(dataRoot, dagId, partition) {
    (0,paths/* assertSafeSegment */.rI)(dagId, 'dag id');
    (0,paths/* assertSafeSegment */.rI)(partition, 'partition key');
    return (0,external_node_path_.join)((0,external_node_path_.resolve)(dataRoot), '_pipewright', 'locks', dagId, `${partition}.lock`);
}
/** Takes the partition's lock for `runId`, or throws PartitionBusyError naming the live holder. */
async function acquirePartitionLock(dataRoot, dagId, partition, runId) {
    (0,paths/* assertSafeSegment */.rI)(runId, 'run id');
    const path = lockPath(dataRoot, dagId, partition);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    const holder = { runId, pid: process.pid, host: (0,external_node_os_.hostname)(), startedAt: new Date().toISOString() };
    const content = (0,json/* toJsonText */.jj)(holder);
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${partition}.lock.tmp-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    try {
        // Inside the try: a disk that fills while the lock is written leaves no temp file behind.
        await writeDurably(temp, content);
        for (let round = 0; round < MAX_ROUNDS; round++) {
            if (await tryLink(temp, path))
                return lockHandle(path, holder, content);
            const existing = await readIfExists(path);
            if (existing === undefined)
                continue; // released meanwhile: try again
            const current = parseHolder(existing);
            if (!current)
                throw new errors/* PartitionBusyError */.Qg(dagId, partition, `unknown (unreadable lock ${path}; delete it if no run is active)`);
            if (!isAbandoned(current))
                throw new errors/* PartitionBusyError */.Qg(dagId, partition, describe(current));
            const claim = `${path}.takeover-${(0,external_node_crypto_.createHash)('sha256').update(existing).digest('hex').slice(0, 16)}`;
            if (!(await tryLink(path, claim))) {
                await dropStaleClaim(claim);
                continue;
            }
            if ((await readIfExists(claim)) !== existing) {
                await unlinkIfExists(claim);
                continue;
            }
            await (0,promises_.rename)(temp, path);
            await unlinkIfExists(claim);
            return lockHandle(path, holder, content);
        }
        throw new errors/* PartitionBusyError */.Qg(dagId, partition, 'another run (the lock kept changing hands)');
    }
    finally {
        await unlinkIfExists(temp);
    }
}
/** Who holds the partition now, if anyone. */
async function readLockHolder(dataRoot, dagId, partition) {
    const content = await readIfExists(lockPath(dataRoot, dagId, partition));
    return content === undefined ? undefined : parseHolder(content);
}
function lockHandle(path, holder, content) {
    return {
        path,
        holder,
        async release() {
            // Only remove the file if it is still ours.
            if ((await readIfExists(path)) === content)
                await unlinkIfExists(path);
        },
    };
}
function isAbandoned(holder) {
    // A pid means nothing on another machine: such a lock is only ever released by its holder.
    return holder.host === (0,external_node_os_.hostname)() && !(0,store_pid/* isProcessAlive */.j)(holder.pid);
}
function describe(holder) {
    return `${holder.runId} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt})`;
}
function parseHolder(content) {
    try {
        const value = (0,json/* fromJsonValue */.Cw)(JSON.parse(content));
        if (typeof value.runId === 'string' && typeof value.pid === 'number' && typeof value.host === 'string') {
            return { runId: value.runId, pid: value.pid, host: value.host, startedAt: String(value.startedAt ?? '') };
        }
    }
    catch {
        // fall through
    }
    return undefined;
}
async function dropStaleClaim(claim) {
    try {
        if (Date.now() - (await (0,promises_.stat)(claim)).ctimeMs > CLAIM_STALE_MS)
            await unlinkIfExists(claim);
    }
    catch (error) {
        if (!isCode(error, 'ENOENT'))
            throw error;
    }
    // Give the live claimant its few milliseconds.
    await new Promise((done) => setTimeout(done, 20));
}
async function writeDurably(path, content) {
    const handle = await (0,promises_.open)(path, 'wx');
    try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
    }
    catch (error) {
        throw withPath(error, path);
    }
    finally {
        await handle.close();
    }
}
async function tryLink(existing, name) {
    try {
        await (0,promises_.link)(existing, name);
        return true;
    }
    catch (error) {
        if (isCode(error, 'EEXIST'))
            return false;
        // The lock vanished between our look and our claim: the caller looks again.
        if (isCode(error, 'ENOENT'))
            return false;
        throw error;
    }
}
async function readIfExists(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (isCode(error, 'ENOENT'))
            return undefined;
        throw error;
    }
}
async function unlinkIfExists(path) {
    try {
        await (0,promises_.unlink)(path);
    }
    catch (error) {
        if (!isCode(error, 'ENOENT'))
            throw error;
    }
}

// EXTERNAL MODULE: ./src/store/record-file.ts
var record_file = __nccwpck_require__(7963);
;// CONCATENATED MODULE: ./src/store/fs-ledger.ts
// The run ledger on the local filesystem, inside the data root:
// `_pipewright/runs/<dag_id>/<partition>/<run_id>.json`, one small file per run
// written atomically. Concurrent runs write different files, so they cannot
// corrupt each other; a run's own rewrites replace its file in one rename.
// Each write also updates the pipeline's index (fs-ledger-index.ts), checked on
// every read against each partition's stamp (its folder's mtime, its latest
// record's mtime and size): the index answers `plan` in one read and names the
// records `history` reads; the records stay the truth.















/** Reads at most this many record files at once, so a long history does not exhaust file handles. */
const READ_CONCURRENCY = 32;
class fs_ledger_FsLedger {
    dataRoot;
    /** Whether it keeps the index (FsLedgerOptions.index). */
    indexed;
    constructor(dataRoot, options = {}) {
        this.dataRoot = (0,external_node_path_.resolve)(dataRoot);
        this.indexed = options.index ?? true;
    }
    /** The latest run of every partition that has one (by sequence, startedAt, then runId). */
    async latestRuns(dagId) {
        const entries = await this.entries(dagId);
        const dir = this.dagDir(dagId);
        const latest = await (0,map_limited/* mapLimited */.b)(entries, READ_CONCURRENCY, async (entry) => {
            const run = await readRecord((0,external_node_path_.join)(dir, entry.partition, `${entry.runId}.json`)).catch(async (error) => {
                // Replaced since the index was checked (a run just started): read the partition again.
                if (!isCode(error, 'ENOENT'))
                    throw error;
                return (await this.runs(dagId, entry.partition)).at(-1);
            });
            return run && [entry.partition, await this.settle(run)];
        });
        return new Map(latest.filter((pair) => pair !== undefined));
    }
    /** `latestRuns` without tasks, checks and files: from the index, reading only partitions it does not know. */
    async latestSummaries(dagId) {
        return await (0,ledger_index/* settledSummaries */.M_)(dagId, await this.entries(dagId), (running) => this.settle(running));
    }
    /**
     * The index entry of every partition that has runs, each checked against its
     * stamp (partition folder and latest record, see `stamp`); partitions the index
     * does not know or knows stale are read and saved back. `folderOnly`: for a
     * caller that reads every record anyway and needs only their names.
     */
    async entries(dagId, folderOnly = false) {
        const dir = this.dagDir(dagId);
        // Unreadable (a file where its folder should be, no permission): as good as missing, the records say it all.
        const [partitions, index] = await Promise.all([
            listDirs(dir),
            this.indexed
                ? readIndex(this.indexDir(dagId), dagId).then((read) => read.index, () => (0,ledger_index/* emptyIndex */.gW)(dagId))
                : undefined,
        ]);
        const known = new Map(index?.partitions.map((e) => [e.partition, e]));
        const fresh = [];
        const stale = [];
        for (const partition of partitions) {
            const entry = known.get(partition);
            // Concatenated, not joined: `dir` is already normal, and a plan checks thousands of these.
            const path = `${dir}/${partition}`;
            const current = entry && (folderOnly ? folderStamp(path) : currentStamp(path, entry.runId));
            if (entry && current !== undefined && (folderOnly ? entry.stamp.startsWith(current) : entry.stamp === current)) {
                fresh.push(entry);
            }
            else
                stale.push(partition);
        }
        const reread = await (0,map_limited/* mapLimited */.b)(stale, READ_CONCURRENCY, (partition) => this.readPartition(dagId, partition));
        const found = reread.filter((e) => e !== undefined);
        const listed = new Set(partitions);
        const gone = new Set([...known.keys()].filter((key) => !listed.has(key)));
        if (index && (found.length > 0 || gone.size > 0)) {
            await this.saveIndex(dagId, (current) => (0,ledger_index/* withEntries */.bA)(current, found, gone));
        }
        return [...fresh, ...found].sort((a, b) => (a.partition < b.partition ? -1 : 1));
    }
    /** A partition's index entry from its records; undefined when it has none. */
    async readPartition(dagId, partition) {
        const dir = (0,external_node_path_.join)(this.dagDir(dagId), partition);
        // Stats before reads: a record changed during the read leaves the entry stale, never wrongly fresh.
        const folder = statOf(dir);
        if (!folder)
            return undefined;
        const names = await recordNames(dir);
        const files = new Map(names.map((runId) => [runId, statOf((0,external_node_path_.join)(dir, `${runId}.json`))]));
        const runs = await this.runs(dagId, partition);
        const latest = runs.at(-1);
        return latest && (0,ledger_index/* entryFor */.cy)(partition, stamp(folder, files.get(latest.runId)), runs);
    }
    async latestRun(dagId, partition) {
        const last = (await this.runs(dagId, partition)).at(-1);
        return last && (await this.settle(last));
    }
    /**
     * A `running` record whose run no longer holds the partition lock was killed
     * before it could record its end: it counts as failed, so the next tick or a
     * `reprocess failed` backfill runs the partition again instead of waiting forever.
     */
    async settle(record) {
        if (record.state !== 'running')
            return record;
        const holder = await readLockHolder(this.dataRoot, record.dagId, record.partition);
        const stillRunning = holder?.runId === record.runId && (holder.host !== (0,external_node_os_.hostname)() || (0,store_pid/* isProcessAlive */.j)(holder.pid));
        return stillRunning ? record : { ...record, state: 'failed', abandoned: true };
    }
    /** All runs of one partition, oldest first. */
    async runs(dagId, partition) {
        (0,paths/* assertSafeSegment */.rI)(partition, 'partition key');
        const dir = (0,external_node_path_.join)(this.dagDir(dagId), partition);
        const names = await recordNames(dir);
        const records = await (0,map_limited/* mapLimited */.b)(names, READ_CONCURRENCY, (runId) => readRecord((0,external_node_path_.join)(dir, `${runId}.json`)));
        return records.sort(ledger/* compareRuns */.qB);
    }
    /**
     * Every run of a pipeline in one pass, each partition's oldest first and its
     * latest settled. The index names each partition's records, so no folder is
     * listed; they are read synchronously: a ten-year history is tens of thousands
     * of small files, and each promise round trip through the thread pool costs
     * more than the read itself (3× the CPU, measured).
     */
    async history(dagId) {
        const all = [];
        for (const entry of await this.entries(dagId, true))
            all.push(...(await this.historyOf(dagId, entry)));
        return all;
    }
    /**
     * `history` one partition at a time, newest partition first (the status site):
     * a long history never has to be held whole.
     */
    async eachPartition(dagId, visit) {
        for (const entry of (await this.entries(dagId, true)).reverse()) {
            const runs = await this.historyOf(dagId, entry);
            if (runs.length > 0)
                visit(runs);
        }
    }
    /** The runs of one partition the index names, oldest first, the latest settled. */
    async historyOf(dagId, entry) {
        const dir = this.dagDir(dagId);
        let runs;
        try {
            runs = entry.runIds.map((runId) => {
                // Concatenated, not joined: `dir` is already normal, and a history reads thousands of these.
                const path = `${dir}/${entry.partition}/${runId}.json`;
                return (0,record_file/* parseRunRecord */.Y)((0,external_node_fs_.readFileSync)(path, 'utf8'), path);
            });
        }
        catch (error) {
            // Removed since the index was checked: list the folder instead.
            if (!isCode(error, 'ENOENT'))
                throw error;
            runs = await this.runs(dagId, entry.partition);
        }
        runs.sort(ledger/* compareRuns */.qB);
        const last = runs.pop();
        if (last)
            runs.push(await this.settle(last));
        return runs;
    }
    /** The file that holds one run's record. */
    recordKey(record) {
        return (0,paths/* relativeToRoot */.yY)(this.dataRoot, this.recordPath(record));
    }
    recordPath(record) {
        (0,paths/* assertSafeSegment */.rI)(record.runId, 'run id');
        (0,paths/* assertSafeSegment */.rI)(record.partition, 'partition key');
        return (0,external_node_path_.join)(this.dagDir(record.dagId), record.partition, `${record.runId}.json`);
    }
    async write(record) {
        const path = this.recordPath(record);
        const existed = this.indexed && statOf(path) !== undefined;
        await createAtomicWriter(this.dataRoot).writeFile(path, (0,json/* toJsonText */.jj)(record));
        if (!this.indexed)
            return;
        const dir = (0,external_node_path_.dirname)(path);
        const folder = statOf(dir);
        if (!folder)
            return;
        const seen = { existed, stamp: stamp(folder, statOf(path)), runIds: await recordNames(dir) };
        await this.saveIndex(record.dagId, async (index) => {
            const before = index.partitions.find((e) => e.partition === record.partition);
            // Only a partition changed behind the index's back needs its records read.
            const entry = (0,ledger_index/* entryAfterWrite */.Ie)(before, record, seen) ?? (await this.readPartition(record.dagId, record.partition));
            return entry ? (0,ledger_index/* withEntries */.bA)(index, [entry]) : index;
        });
    }
    /**
     * The index is a cache: when it cannot be written (a read-only data root, a full
     * disk, a race lost fifty times) the records still say everything, so readers
     * carry on and the next read that can write repairs it.
     */
    async saveIndex(dagId, change) {
        await updateIndex(this.indexDir(dagId), dagId, change).catch(() => { });
    }
    /** One run at a time per partition; throws PartitionBusyError while another live run holds it. */
    acquire(dagId, partition, runId) {
        return acquirePartitionLock(this.dataRoot, dagId, partition, runId);
    }
    dagDir(dagId) {
        (0,paths/* assertSafeSegment */.rI)(dagId, 'dag id');
        return (0,external_node_path_.join)(this.dataRoot, '_pipewright', 'runs', dagId);
    }
    indexDir(dagId) {
        (0,paths/* assertSafeSegment */.rI)(dagId, 'dag id');
        return indexDir((0,external_node_path_.join)(this.dataRoot, '_pipewright'), dagId);
    }
}
/** The run ids whose records a partition folder holds. */
async function recordNames(dir) {
    return runIdsOf(await listFiles(dir));
}
function runIdsOf(names) {
    return names.filter((n) => n.endsWith('.json') && !isTempName(n)).map((n) => n.slice(0, -5));
}
/**
 * What an index entry is checked against: the partition folder's mtime, which
 * changes when a record is added, replaced (renamed over) or removed, and the
 * latest record's mtime and size, which change when it is edited in place. Stats
 * after a write are fine-grained on Linux (6.13+ multigrain timestamps), so a
 * change right after pipewright's own write still moves them.
 */
function stamp(folder, latest) {
    return `${folder.mtimeMs} ${latest ? `${latest.mtimeMs} ${latest.size}` : '-'}`;
}
/** The folder's part of a stamp, with its separator. */
function folderStamp(dir) {
    const folder = statOf(dir);
    return folder && `${folder.mtimeMs} `;
}
function currentStamp(dir, latestRunId) {
    const folder = statOf(dir);
    return folder && stamp(folder, statOf(`${dir}/${latestRunId}.json`));
}
/** Synchronous: thousands of stats in a row cost a fraction of their promise round trips. */
function statOf(path) {
    return (0,external_node_fs_.statSync)(path, { throwIfNoEntry: false });
}
async function readRecord(path) {
    return (0,record_file/* parseRunRecord */.Y)(await (0,promises_.readFile)(path, 'utf8'), path);
}
async function listDirs(dir) {
    return (await entries(dir)).filter((e) => e.isDirectory()).map((e) => e.name);
}
async function listFiles(dir) {
    return (await entries(dir)).filter((e) => e.isFile()).map((e) => e.name);
}
async function entries(dir) {
    try {
        return await (0,promises_.readdir)(dir, { withFileTypes: true });
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
}

// EXTERNAL MODULE: ./src/store/checksum-aside.ts
var checksum_aside = __nccwpck_require__(3735);
// EXTERNAL MODULE: ./src/store/file-chunks.ts
var file_chunks = __nccwpck_require__(8962);
// EXTERNAL MODULE: ./src/store/object-store.ts
var object_store = __nccwpck_require__(3266);
;// CONCATENATED MODULE: ./src/store/fs-store.ts
// The filesystem as an ObjectStore: a key is a path under the root folder. Writes
// go through the atomic writer (temp file, fsync, rename), so an object appears
// whole or not at all; a copy is a hard link renamed into place, so versions and
// publishes move no bytes. Metadata is not kept on the filesystem: the records
// and manifests carry every checksum, and metadata is only ever a shortcut.









class fs_store_FsObjectStore {
    kind = 'fs';
    url;
    root;
    constructor(root) {
        this.root = (0,external_node_path_.resolve)(root);
        this.url = this.root;
    }
    /** Absolute path of a key; refuses keys that leave the root. */
    pathOf(key) {
        return (0,paths/* resolveInside */.LI)(this.root, key);
    }
    keyOf(path) {
        return (0,paths/* relativeToRoot */.yY)(this.root, path);
    }
    describe(key) {
        return this.pathOf(key);
    }
    async head(key) {
        const path = this.pathOf(key);
        try {
            const info = await (0,promises_.stat)(path);
            return info.isFile() ? infoOf(key, info) : undefined;
        }
        catch (error) {
            if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR'))
                return undefined;
            throw error;
        }
    }
    async read(key) {
        // Opened first, so a missing object fails here rather than on the first chunk.
        return (0,external_node_fs_.createReadStream)('', { fd: await this.#open(key), highWaterMark: 1 << 20, autoClose: true });
    }
    async #open(key) {
        const path = this.pathOf(key);
        return (0,promises_.open)(path, 'r').catch((error) => {
            if (isCode(error, 'ENOENT') || isCode(error, 'EISDIR'))
                throw new object_store/* ObjectNotFoundError */.d_(key, path);
            throw error;
        });
    }
    /**
     * The object's bytes in chunks of one reused buffer, each valid until the next is asked for:
     * for readers that copy what they keep (a scan, a checksum), with no allocation per chunk.
     */
    async *readChunks(key, options = {}) {
        yield* (0,file_chunks/* fileChunks */.T9)(await this.#open(key), options.signal);
    }
    async checksum(key) {
        const size = (await this.head(key))?.size;
        return size !== undefined && size >= checksum_aside/* ASIDE_FROM_BYTES */.E ? (0,checksum_aside/* checksumFileAside */.q)(this.pathOf(key), key) : undefined;
    }
    async readText(key) {
        try {
            return await (0,promises_.readFile)(this.pathOf(key), 'utf8');
        }
        catch (error) {
            if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR'))
                return undefined;
            throw error;
        }
    }
    async write(key, body, options = {}) {
        const path = this.pathOf(key);
        if (options.ifNoneMatch === undefined && options.ifMatch === undefined) {
            await createAtomicWriter(this.root).writeFile(path, body);
            return (await this.head(key));
        }
        // Conditional: write the temp beside the target, then link (fails when it exists) or check and rename.
        const dir = (0,external_node_path_.dirname)(path);
        await (0,promises_.mkdir)(dir, { recursive: true });
        const temp = (0,external_node_path_.join)(dir, tempNameFor(path));
        await createAtomicWriter(this.root).writeFile(temp, body);
        try {
            if (options.ifNoneMatch === '*') {
                await (0,promises_.link)(temp, path).catch((error) => {
                    if (isCode(error, 'EEXIST'))
                        throw new object_store/* PreconditionFailedError */.k9(key);
                    throw error;
                });
            }
            else {
                const current = await this.head(key);
                if (current?.etag !== options.ifMatch)
                    throw new object_store/* PreconditionFailedError */.k9(key);
                await (0,promises_.rename)(temp, path);
            }
        }
        finally {
            await (0,promises_.unlink)(temp).catch(() => { });
        }
        return (await this.head(key));
    }
    async copy(from, to) {
        const source = this.pathOf(from);
        const target = this.pathOf(to);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(target), tempNameFor(target));
        try {
            await (0,promises_.link)(source, temp);
        }
        catch (error) {
            if (isCode(error, 'ENOENT'))
                throw new object_store/* ObjectNotFoundError */.d_(from, source);
            // Links refused (another device, a filesystem without them): the bytes are copied.
            if (!isCode(error, 'EPERM') && !isCode(error, 'EXDEV') && !isCode(error, 'ENOTSUP'))
                throw error;
            await (0,promises_.copyFile)(source, temp);
        }
        await (0,promises_.rename)(temp, target);
        return (await this.head(to));
    }
    async delete(key) {
        await (0,promises_.unlink)(this.pathOf(key)).catch((error) => {
            if (!isCode(error, 'ENOENT') && !isCode(error, 'ENOTDIR'))
                throw error;
        });
    }
    /** `deletePrefix` for a folder prefix (`dir/`): the folder goes too, not only its files. */
    async removeTree(prefix) {
        if (!prefix.endsWith('/')) {
            for await (const info of this.list(prefix))
                await this.delete(info.key);
            return;
        }
        await (0,promises_.rm)(this.pathOf(prefix.slice(0, -1)), { recursive: true, force: true });
    }
    async *list(prefix, options = {}) {
        // The deepest folder the prefix names for sure; keys under it are filtered by the whole prefix.
        const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
        const start = folder === '' ? this.root : this.pathOf(folder);
        const keys = [];
        await walk(start, folder, keys);
        keys.sort();
        const after = options.startAfter;
        for (const key of keys) {
            if (!key.startsWith(prefix) || (after !== undefined && key <= after))
                continue;
            const info = await this.head(key);
            if (info)
                yield info;
        }
    }
}
async function walk(dir, key, into) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    }
    catch (error) {
        if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR'))
            return;
        throw error;
    }
    for (const entry of entries) {
        if (isTempName(entry.name))
            continue;
        const child = key === '' ? entry.name : external_node_path_.posix.join(key, entry.name);
        if (entry.isDirectory())
            await walk((0,external_node_path_.join)(dir, entry.name), child, into);
        else if (entry.isFile())
            into.push(child);
    }
}
function infoOf(key, info) {
    return {
        key: key.split(external_node_path_.sep).join('/'),
        size: info.size,
        etag: `${info.ino.toString(16)}-${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}`,
        lastModified: info.mtime,
        metadata: {},
    };
}

// EXTERNAL MODULE: ./src/store/lease.ts
var lease = __nccwpck_require__(139);
;// CONCATENATED MODULE: ./src/store/data-root.ts
// A data root is a folder or an S3-compatible bucket (`s3://bucket/prefix`). The
// bucket code (and the AWS SDK behind it) loads only when a bucket is named, so
// the filesystem CLI starts as fast as before. A bucket is checked before any
// task runs: it exists, the credentials reach it in its region, and its endpoint
// honours the conditional writes that leases and the manifest-last publish need.





/** True for `s3://…` (any case of the scheme). */
function isBucketRoot(dataRoot) {
    return /^s3:\/\//i.test(dataRoot);
}
/** Buckets opened (and checked) by this process, for writing and for reading: lineage reads an upstream's manifests per partition. */
const buckets = new Map();
/** The store of a data root; a bucket is checked (HeadBucket, conditional-write probe) once per process. */
async function openDataRoot(dataRoot) {
    return await opened(dataRoot, true);
}
/**
 * The store of a data root only read from (the status site): a bucket is checked
 * to exist and to answer these credentials (HeadBucket), never written to, so
 * read-only credentials are enough.
 */
async function openDataRootForReading(dataRoot) {
    return await opened(dataRoot, false);
}
function opened(dataRoot, write) {
    if (!isBucketRoot(dataRoot))
        return Promise.resolve(new fs_store_FsObjectStore(dataRoot));
    const key = `${write ? 'write' : 'read'} ${dataRoot}`;
    let store = buckets.get(key);
    if (!store) {
        store = openBucket(dataRoot, write);
        buckets.set(key, store);
        store.catch(() => buckets.delete(key));
    }
    return store;
}
async function openBucket(dataRoot, write) {
    const { openS3Store } = await Promise.all(/* import() */[__nccwpck_require__.e(711), __nccwpck_require__.e(994), __nccwpck_require__.e(727)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2727));
    const { checkBucket, probeConditionalWrites } = await Promise.all(/* import() */[__nccwpck_require__.e(711), __nccwpck_require__.e(447)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8447));
    const store = openS3Store(dataRoot);
    await checkBucket(store);
    if (write)
        await probeConditionalWrites(store);
    return store;
}
/**
 * The ledger that holds a data root's runs while they run: files under a folder's
 * `_pipewright/runs`, objects under a bucket's (with leases for the partition lock).
 */
async function dataRootLedger(store) {
    if (store instanceof fs_store_FsObjectStore)
        return new fs_ledger_FsLedger(store.root);
    const { BucketLedger } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 6413));
    return new BucketLedger(store, leaseSettings(process.env));
}
const LEASE_TTL_ENV = 'PIPEWRIGHT_LEASE_TTL';
const LEASE_RENEW_EVERY_ENV = 'PIPEWRIGHT_LEASE_RENEW_EVERY';
/**
 * How long a bucket lease lasts unrenewed and how often it is renewed (durations
 * such as `60s`, `2m`); defaults 60 s and 20 s. Renewal must come well before expiry.
 */
function leaseSettings(env) {
    const read = (name) => {
        const text = env[name]?.trim();
        if (!text)
            return undefined;
        const ms = parseDuration(text);
        if (ms === undefined || ms <= 0)
            throw new errors/* UsageError */.eb(`${name}=${text} is not a duration such as 60s or 2m`);
        return ms;
    };
    const leaseTtlMs = read(LEASE_TTL_ENV);
    const leaseRenewEveryMs = read(LEASE_RENEW_EVERY_ENV);
    const ttl = leaseTtlMs ?? lease/* DEFAULT_LEASE_TTL_MS */.Zc;
    const every = leaseRenewEveryMs ?? lease/* DEFAULT_LEASE_RENEW_EVERY_MS */.il;
    if (every * 2 > ttl)
        throw new errors/* UsageError */.eb(`lease renewal every ${every} ms must be at most half the lease's ${ttl} ms (${LEASE_RENEW_EVERY_ENV}, ${LEASE_TTL_ENV})`);
    return {
        ...(leaseTtlMs !== undefined ? { leaseTtlMs } : {}),
        ...(leaseRenewEveryMs !== undefined ? { leaseRenewEveryMs } : {}),
    };
}

;// CONCATENATED MODULE: ./src/store/manifest.ts
// Each published partition folder carries `_manifest.json`: every file in it
// with rows, bytes and sha256, and the run that produced it. Keys and order are
// fixed, so two runs over the same inputs give manifests that differ only in
// `produced_by`. Published partitions get theirs from src/store/commit.ts.





const MANIFEST_NAME = '_manifest.json';
/** Streams the object once for sha256, bytes and rows (CSV: records after the header; other files: lines). */
async function checksumObject(store, key, options = {}) {
    const { signal } = options;
    // Where the store can take it off this thread (a big file on a worker; a bucket object as it downloads).
    const aside = await store.checksum?.(key, options);
    if (aside)
        return { path: key, ...aside };
    const hash = createHash('sha256');
    const rows = rowCounterFor(key);
    let bytes = 0;
    // Through reused buffers where the store offers them (a folder, a run's copy): hashed and counted, nothing kept.
    const chunks = store.readChunks ? store.readChunks(key, { signal }) : await store.read(key, { signal });
    for await (const chunk of chunks) {
        const buffer = chunk;
        hash.update(buffer);
        rows.add(buffer);
        bytes += buffer.byteLength;
    }
    return { path: key, rows: rows.total(), bytes, sha256: hash.digest('hex') };
}
/** `checksumObject` for a file under a data root folder (path relative to it, or absolute inside it). */
async function checksumFile(path, dataRoot) {
    const store = new FsObjectStore(dataRoot);
    return checksumObject(store, store.keyOf(store.pathOf(path)));
}
/**
 * Rewrites `<folder>/_manifest.json` listing every object directly in that folder.
 * Files in `own` are credited to `runId` with the checksums given (no re-read);
 * others are checksummed and keep their earlier producer while unchanged, else
 * are credited to `changedBy`. An emptied folder loses its manifest.
 */
async function writeFolderManifest(store, folder, runId, own, changedBy = 'unknown') {
    const manifestKey = posix.join(folder, MANIFEST_NAME);
    const previous = await readFolderManifest(store, folder);
    const files = [];
    for await (const info of store.list(`${folder}/`)) {
        const name = info.key.slice(folder.length + 1);
        if (name.includes('/') || name === MANIFEST_NAME)
            continue;
        const mine = own.get(info.key);
        if (mine) {
            files.push({ path: info.key, rows: mine.rows, bytes: mine.bytes, sha256: mine.sha256, producedBy: runId });
            continue;
        }
        const sum = await checksumObject(store, info.key);
        const earlier = previous?.files.find((f) => f.path === info.key && f.sha256 === sum.sha256);
        files.push({ ...sum, producedBy: earlier?.producedBy ?? changedBy });
    }
    if (files.length === 0) {
        await store.delete(manifestKey);
        return;
    }
    await store.write(manifestKey, toJsonText({ dir: folder, files }));
}
/**
 * Rewrites the manifest of the folder holding `key`, crediting `key` (and any
 * other file changed since the manifest was written) to `runId`; returns its checksum.
 */
async function writeManifestFor(store, key, runId) {
    const own = await checksumObject(store, key);
    await writeFolderManifest(store, posix.dirname(key), runId, new Map([[key, own]]), runId);
    return own;
}
/** `writeManifestFor` on a data root folder, with `file` relative to it or absolute inside it. */
async function writeManifest(file, runId, dataRoot) {
    const store = new FsObjectStore(dataRoot);
    const key = store.keyOf(store.pathOf(file));
    if (!(await store.head(key)))
        throw new Error(`cannot write a manifest for ${store.pathOf(file)}: the file does not exist`);
    return writeManifestFor(store, key, runId);
}
function parseManifest(text) {
    if (text === undefined)
        return undefined;
    try {
        const parsed = (0,json/* fromJsonValue */.Cw)(JSON.parse(text));
        return Array.isArray(parsed.files) ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
/** The manifest of the folder `folder` (a key) of a store, or undefined when there is none or it is unreadable. */
async function readFolderManifest(store, folder) {
    return parseManifest(await store.readText(external_node_path_.posix.join(folder, MANIFEST_NAME)));
}

;// CONCATENATED MODULE: ./src/site/catalog.ts
// The catalog's "last published version" of each output: the newest partition
// with a successful run, and the manifest (`_manifest.json`) beside its file,
// read from the data root's store (a folder or a bucket).



async function lastPublished(pipeline, store, partitions) {
    const newest = partitions.find((p) => p.runs.some((r) => r.state === 'success'));
    const outputs = Object.entries(pipeline.outputs).map(([name, template]) => ({ name, template }));
    if (!newest)
        return outputs;
    const run = newest.runs.findLast((r) => r.state === 'success');
    const partition = { key: newest.key, dataIntervalStart: run.dataIntervalStart, dataIntervalEnd: run.dataIntervalEnd };
    const keys = (0,paths/* resolvePartitionKeys */.Hw)(pipeline, partition).outputs;
    for (const output of outputs) {
        const key = keys[output.name];
        output.partition = newest.key;
        output.path = key;
        const manifest = await readFolderManifest(store, external_node_path_.posix.dirname(key));
        output.entry = manifest?.files.find((f) => f.path === key);
    }
    return outputs;
}

;// CONCATENATED MODULE: ./src/site/data-files.ts
const GRID_GLOBAL = 'pipewrightGrid';
const RUNS_GLOBAL = 'pipewrightRuns';
const RUN_STATES = ['success', 'failed', 'running', 'deferred'];
const TRIGGERS = ['schedule', 'backfill', 'manual'];
/** The details file a partition's runs are in: its key's first seven characters (a month, or a run of weeks). */
function chunkOf(partitionKey) {
    return partitionKey.slice(0, 7);
}
function durationMs(run) {
    return run.endedAt ? Date.parse(run.endedAt) - Date.parse(run.startedAt) : null;
}
/** `pipelines/<dag_id>/grid.js`: partitions newest first, each run as [state, duration ms, trigger] indexes. */
function gridScript(dagId, partitions) {
    const rows = partitions.map((p) => [
        p.key,
        p.runs.map((r) => [RUN_STATES.indexOf(r.state), durationMs(r), TRIGGERS.indexOf(r.trigger)]),
    ]);
    const data = { dag_id: dagId, states: RUN_STATES, triggers: TRIGGERS, partitions: rows };
    return `window.${GRID_GLOBAL} = ${JSON.stringify(data)};\n`;
}
/**
 * One run's details. Ten years of daily runs make hundreds of megabytes, so the
 * repetitive parts are tuples: a task is [id, state, attempts, duration ms,
 * start ms after the run's start or null, failure class or null, error or null];
 * a check is [name, dataset, status, severity, details].
 */
function runDetails(run) {
    const start = Date.parse(run.startedAt);
    return {
        run_id: run.runId,
        trigger: run.trigger,
        reason: run.reason,
        state: run.state,
        abandoned: run.abandoned ?? false,
        code_version: run.codeVersion ?? null,
        started_at: run.startedAt,
        ended_at: run.endedAt ?? null,
        tasks: run.tasks.map((t) => [
            t.id,
            t.state,
            t.attempts,
            t.durationMs,
            t.startedAt ? Date.parse(t.startedAt) - start : null,
            t.failureClass ?? null,
            t.error ?? null,
        ]),
        checks: run.checks.map((c) => [c.name, c.dataset, c.status, c.severity, c.details]),
        metrics: run.metrics,
    };
}
/** `pipelines/<dag_id>/runs/<chunk>.js`: the chunk's partitions, newest first, with every run's details. */
function chunkScript(chunk, partitions) {
    const body = {};
    for (const p of partitions) {
        body[p.key] = {
            data_interval: [p.latest.dataIntervalStart, p.latest.dataIntervalEnd],
            runs: p.runs.map(runDetails),
        };
    }
    return `(window.${RUNS_GLOBAL} = window.${RUNS_GLOBAL} || {})[${JSON.stringify(chunk)}] = ${JSON.stringify(body)};\n`;
}

;// CONCATENATED MODULE: ./src/site/history.ts
// Every run of one pipeline, a partition at a time, read through the ledger API
// (filesystem, git state branch or bucket): the site never reads record files itself.

/** Partitions read at once from a ledger without `eachPartition`. */
const PARTITION_CONCURRENCY = 16;
/** Every partition with at least one run, newest partition first, handed to `visit` one at a time. */
async function eachPartition(ledger, dagId, visit) {
    const visitRuns = (runs) => visit({ key: runs[0].partition, runs, latest: runs.at(-1) });
    if (ledger.eachPartition)
        return await ledger.eachPartition(dagId, visitRuns);
    const latest = [...(await ledger.latestRuns(dagId))].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
    const read = await (0,map_limited/* mapLimited */.b)(latest, PARTITION_CONCURRENCY, async ([key, settled]) => {
        // The settled latest run replaces its raw twin, so an abandoned run shows as failed everywhere.
        const runs = (await ledger.runs(dagId, key)).map((r) => (r.runId === settled.runId ? settled : r));
        return { key, runs: runs.length > 0 ? runs : [settled], latest: settled };
    });
    for (const partition of read)
        visit(partition);
}
/** The outline of a run: a few small fields instead of the whole record, so ten years of them stay small. */
function outline(run) {
    const { state, trigger, startedAt, endedAt, dataIntervalStart, dataIntervalEnd, metrics } = run;
    const tasks = [];
    for (const { id, state, failureClass } of run.tasks)
        if (state === 'failed')
            tasks.push({ id, state, failureClass });
    const outputs = run.outputs.map(({ rows }) => ({ rows }));
    return { state, trigger, startedAt, endedAt, dataIntervalStart, dataIntervalEnd, metrics, tasks, outputs };
}

// EXTERNAL MODULE: ./src/luxon-cjs.cjs
var luxon_cjs = __nccwpck_require__(6781);
;// CONCATENATED MODULE: ./src/luxon.ts

const { DateTime: luxon_DateTime, IANAZone, Zone } = luxon_cjs;
// One locale wherever pipewright runs. Luxon otherwise asks Intl for the system's on its first
// date, which loads ICU's date-formatting data (10 ms of a cold start) even for a contract in
// UTC; pipewright formats with fixed tokens (ISO dates and weeks, offsets), never localized ones.
luxon_cjs.Settings.defaultLocale = 'en-US';

;// CONCATENATED MODULE: ./src/schedule/instants.ts
// Instants as pipewright reads and prints them. Every data interval bound is
// printed in one format, ISO 8601 with milliseconds and the zone's offset
// (2026-05-02T00:00:00.000+05:00, never `Z`), so strings compare and diff cleanly.


const pad = (n, width = 2) => String(n).padStart(width, '0');
/** The wall time at `ms` on `offset`, from a Date's UTC fields: a fraction of a DateTime's cost. */
function instants_wallTimeAt(ms, offset) {
    const d = new Date(ms + offset * 60_000);
    return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        millisecond: d.getUTCMilliseconds(),
        offset,
    };
}
/** yyyy-MM-dd in the instant's zone, from its fields (toFormat is most of a long walk's time). */
function localDate(dt) {
    return `${pad(dt.year, 4)}-${pad(dt.month)}-${pad(dt.day)}`;
}
/** yyyy-MM-dd'T'HH:mm:ss.SSSZZ, built from the fields: luxon's toFormat dominated planning time. */
function instants_formatInstant(dt) {
    const offset = Math.abs(dt.offset);
    const zone = `${dt.offset < 0 ? '-' : '+'}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
    return `${localDate(dt)}T${pad(dt.hour)}:${pad(dt.minute)}:${pad(dt.second)}.${pad(dt.millisecond, 3)}${zone}`;
}
/** Refuses a zone luxon does not know, naming it. */
function instants_requireZone(timezone) {
    if (!luxon_DateTime.now().setZone(timezone).isValid)
        throw new errors/* UsageError */.eb(`unknown timezone '${timezone}' (use an IANA name such as Asia/Almaty or UTC)`);
}
/**
 * Reads a date (`2026-05-01`, midnight in the zone) or a date-time with or
 * without an offset (no offset: wall time in the zone). `what` names the value
 * in the error, e.g. "--now" or "start_date".
 */
function parseInstant(value, timezone, what) {
    instants_requireZone(timezone);
    const dt = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}(:?\d{2})?)?)?$/.test(value)
        ? luxon_DateTime.fromISO(value, { zone: timezone })
        : undefined;
    if (!dt?.isValid)
        throw new errors/* UsageError */.eb(`${what} '${value}' is not an ISO 8601 date or date-time (e.g. 2026-05-02 or 2026-05-02T06:00:00+05:00)`);
    return dt.setZone(timezone);
}

;// CONCATENATED MODULE: ./src/schedule/day-cached-zone.ts
// An IANA zone for walking long ranges of partitions: luxon asks the zone for its
// offset several times per date it builds, and each answer is an Intl lookup,
// most of a ten-year plan's time. Offsets change at most a few times a year, so
// this zone looks them up at UTC day boundaries: a day that starts and ends on
// the same offset has it throughout (no zone changes twice within a day) and is
// answered from memory; a day with a transition asks Intl for every instant.

const DAY_MS = 86_400_000;
/** Days remembered per zone before starting over (decades of hourly partitions stay far below). */
const MAX_DAYS = 200_000;
class DayCachedZone extends Zone {
    zone;
    /** UTC day number → the offset through that day, or null when it changes within the day. */
    days = new Map();
    /** UTC day number → the offset at that day's first instant. */
    boundaries = new Map();
    constructor(name) {
        super();
        this.zone = IANAZone.create(name);
    }
    get type() {
        return 'iana'; // what luxon checks to hand the name to Intl when formatting
    }
    get name() {
        return this.zone.name;
    }
    get isUniversal() {
        return false;
    }
    get isValid() {
        return this.zone.isValid;
    }
    offsetName(ts, options) {
        return this.zone.offsetName(ts, options);
    }
    formatOffset(ts, format) {
        return this.zone.formatOffset(ts, format);
    }
    equals(other) {
        return other.type === 'iana' && other.name === this.name;
    }
    offset(ts) {
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
    boundary(day) {
        let offset = this.boundaries.get(day);
        if (offset === undefined) {
            offset = this.zone.offset(day * DAY_MS);
            this.boundaries.set(day, offset);
        }
        return offset;
    }
}
const zones = new Map();
/** The day-cached zone named `name` (one per name, so its memory serves every plan in the process). */
function day_cached_zone_dayCachedZone(name) {
    let zone = zones.get(name);
    if (!zone) {
        zone = new DayCachedZone(name);
        zones.set(name, zone);
    }
    return zone;
}

;// CONCATENATED MODULE: ./src/schedule/grains.ts
// One calendar grid per partition grain: how an instant floors to the start of
// its partition, where the next partition starts, and how a start is keyed.
// All arithmetic is in the pipeline's zone, so days are 23, 24 or 25 hours long
// across DST changes and weeks/months follow the local calendar.


const HOUR_MS = 3_600_000;
const grains_DAY_MS = 86_400_000;
const atLocalMidnight = (wall) => wall.hour === 0 && wall.minute === 0;
/** `ms + span` when the zone's offset there is the offset at `ms`: the same wall time `span` later. */
function sameOffset(wall, ms, span, zone) {
    const next = ms + span;
    return atLocalMidnight(wall) && zone.offset(next) === wall.offset ? next : undefined;
}
const HOUR_LABEL = "yyyy-MM-dd'T'HH";
// Hourly partitions are absolute hours that start on a local :00. In a fall-back
// hour the local label repeats, so the second occurrence carries its UTC offset:
// 2026-11-01T01 (EDT) then 2026-11-01T01-0500 (EST). Keys still sort in time order.
const hourly = {
    floor(instant) {
        const ms = instant.toMillis() - (instant.minute * 60_000 + instant.second * 1000 + instant.millisecond);
        return luxon_DateTime.fromMillis(ms, { zone: instant.zone });
    },
    next: (start) => luxon_DateTime.fromMillis(start.toMillis() + HOUR_MS, { zone: start.zone }),
    key(start) {
        const quick = hourly.quickKey(start, start.toMillis(), start.zone);
        if (quick !== undefined)
            return quick;
        const label = start.toFormat(HOUR_LABEL);
        const before = luxon_DateTime.fromMillis(start.toMillis() - HOUR_MS, { zone: start.zone });
        return before.toFormat(HOUR_LABEL) === label ? label + start.toFormat('ZZZ') : label;
    },
    parse(key, timezone) {
        const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(?:([+-])(\d{2})(\d{2}))?$/.exec(key);
        if (!m)
            return 'wrong shape';
        const [year, month, day, hour] = [m[1], m[2], m[3], m[4]].map(Number);
        const local = luxon_DateTime.fromObject({ year, month, day, hour }, { zone: timezone });
        if (!local.isValid)
            return 'no such date or hour';
        if (m[5] !== undefined) {
            const offsetMin = (m[5] === '-' ? -1 : 1) * (Number(m[6]) * 60 + Number(m[7]));
            return luxon_DateTime.fromMillis(Date.UTC(year, month - 1, day, hour) - offsetMin * 60_000, { zone: timezone });
        }
        if (local.hour !== hour)
            return `that hour does not exist in ${timezone} (the clocks skip it)`;
        // luxon resolves a repeated wall time to its later offset; the plain key names the first.
        const earlier = luxon_DateTime.fromMillis(local.toMillis() - HOUR_MS, { zone: timezone });
        return earlier.toFormat(HOUR_LABEL) === local.toFormat(HOUR_LABEL) ? earlier : local;
    },
    shape: 'YYYY-MM-DDTHH (a repeated fall-back hour adds its offset, e.g. 2026-11-01T01-0500)',
    example: '2026-05-02T13',
    maxSpanMs: HOUR_MS,
    quickNext: (_, ms) => ms + HOUR_MS,
    // The same offset an hour before: that hour has another label (every hour but the repeated one).
    quickKey: (wall, ms, zone) => zone.offset(ms - HOUR_MS) === wall.offset ? `${localDate(wall)}T${pad(wall.hour)}` : undefined,
};
// plus() keeps the wall time, so a step from local midnight lands on the next
// midnight; startOf('day') (several zone-offset look-ups) only when it did not.
const atMidnight = (dt) => (dt.hour === 0 && dt.minute === 0 ? dt : dt.startOf('day'));
// Where the zone keeps its offset (every day but a DST change) a calendar step
// is a fixed span, exactly what plus() gives, without its unit normalising.
const daily = {
    floor: (instant) => instant.startOf('day'),
    next: (start) => atMidnight(start.plus({ days: 1 })),
    key: localDate,
    parse(key, timezone) {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
        if (!m)
            return 'wrong shape';
        const dt = luxon_DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: timezone });
        return dt.isValid ? dt.startOf('day') : 'no such date';
    },
    shape: 'YYYY-MM-DD',
    example: '2026-05-02',
    maxSpanMs: 25 * HOUR_MS,
    quickNext: (wall, ms, zone) => sameOffset(wall, ms, grains_DAY_MS, zone),
    quickKey: localDate,
};
// ISO weeks: Monday start, numbered within the ISO week-year (2027-01-01 is in 2026-W53).
const weekly = {
    floor: (instant) => instant.startOf('week'),
    next: (start) => atMidnight(start.plus({ weeks: 1 })),
    key: (start) => start.toFormat("kkkk-'W'WW"),
    parse(key, timezone) {
        const m = /^(\d{4})-W(\d{2})$/.exec(key);
        if (!m)
            return 'wrong shape';
        const dt = luxon_DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 }, { zone: timezone });
        return dt.isValid ? dt.startOf('day') : 'no such ISO week';
    },
    shape: 'YYYY-Www (ISO week, Monday start)',
    example: '2026-W18',
    maxSpanMs: (7 * 24 + 1) * HOUR_MS,
    quickNext: (wall, ms, zone) => sameOffset(wall, ms, 7 * grains_DAY_MS, zone),
    quickKey: () => undefined, // ISO week numbering: luxon's
};
const monthly = {
    floor: (instant) => instant.startOf('month'),
    next: (start) => atMidnight(start.plus({ months: 1 })),
    key: (start) => monthly.quickKey(start, start.toMillis(), start.zone),
    parse(key, timezone) {
        const m = /^(\d{4})-(\d{2})$/.exec(key);
        if (!m)
            return 'wrong shape';
        const dt = luxon_DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]) }, { zone: timezone });
        return dt.isValid ? dt.startOf('month') : 'no such month';
    },
    shape: 'YYYY-MM',
    example: '2026-05',
    maxSpanMs: (31 * 24 + 1) * HOUR_MS,
    quickNext: (wall, ms, zone) => sameOffset(wall, ms, Date.UTC(wall.year, wall.month, 1) - Date.UTC(wall.year, wall.month - 1, 1), zone),
    quickKey: (wall) => `${pad(wall.year, 4)}-${pad(wall.month)}`,
};
const grids = { hourly, daily, weekly, monthly };
function grains_gridFor(grain) {
    return grids[grain];
}

;// CONCATENATED MODULE: ./src/schedule/partitions.ts
// Partitions: calendar-aligned data intervals [start, end) in the pipeline's
// zone, named by keys (2026-05-02, 2026-05-02T13, 2026-W18, 2026-05).
// A partition is due once its interval has ended: end <= now.





/** The most partitions one plan or range may hold: beyond this a range is a typo, not a backfill. */
const MAX_PARTITIONS = 100_000;
function partitionAt(grain, start) {
    const grid = grains_gridFor(grain);
    return {
        key: grid.key(start),
        dataIntervalStart: instants_formatInstant(start),
        dataIntervalEnd: instants_formatInstant(grid.next(start)),
    };
}
/** The partition a key names; UsageError (with the expected shape and an example) when it fits no partition. */
function partitionForKey(grain, timezone, key) {
    requireZone(timezone);
    const grid = gridFor(grain);
    const start = grid.parse(key, timezone);
    const expected = `expected ${grid.shape}, e.g. ${grid.example}`;
    if (typeof start === 'string') {
        const why = start === 'wrong shape' ? expected : `${start}; ${expected}`;
        throw new UsageError(`'${key}' is not ${article(grain)} partition key: ${why}`);
    }
    const partition = partitionAt(grain, grid.floor(start));
    if (partition.key !== key) {
        const hint = grain === 'hourly' ? ` (in ${timezone} that hour is keyed '${partition.key}')` : '';
        throw new UsageError(`'${key}' is not ${article(grain)} partition key${hint}: ${expected}`);
    }
    return partition;
}
function partitionContaining(grain, timezone, instant) {
    instants_requireZone(timezone);
    const grid = grains_gridFor(grain);
    return partitionAt(grain, grid.floor(luxon_DateTime.fromJSDate(instant, { zone: timezone })));
}
/** The partition right after `partition`. */
function nextPartition(grain, timezone, partition) {
    return partitionContaining(grain, timezone, new Date(partition.dataIntervalEnd));
}
/** The partition right before `partition`. */
function previousPartition(grain, timezone, partition) {
    return partitionContaining(grain, timezone, new Date(Date.parse(partition.dataIntervalStart) - 1));
}
/** Every partition from `first` to `last` inclusive, oldest first; refuses more than MAX_PARTITIONS. */
function partitions_partitionsBetween(grain, timezone, first, last) {
    requireZone(timezone);
    const grid = gridFor(grain);
    const lastStart = Date.parse(last.dataIntervalStart);
    const tooMany = () => new UsageError(`${first.key}..${last.key} holds more than ${MAX_PARTITIONS.toLocaleString('en-US')} ${grain} partitions; split it into smaller ranges`);
    // Even at the longest partitions this range is too big: refuse before walking it.
    if ((lastStart - Date.parse(first.dataIntervalStart)) / grid.maxSpanMs >= MAX_PARTITIONS)
        throw tooMany();
    const out = [];
    // Offsets from memory: a ten-year walk otherwise spends most of its time in Intl lookups.
    const zone = dayCachedZone(timezone);
    // Each step from the wall fields where the zone keeps its offset, through luxon where it does not.
    let ms = Date.parse(first.dataIntervalStart);
    let wall = wallTimeAt(ms, zone.offset(ms));
    let startText = formatInstant(wall);
    while (ms <= lastStart) {
        if (out.length === MAX_PARTITIONS)
            throw tooMany();
        let nextMs = grid.quickNext(wall, ms, zone);
        let key = grid.quickKey(wall, ms, zone);
        if (nextMs === undefined || key === undefined) {
            const start = DateTime.fromMillis(ms, { zone });
            nextMs = grid.next(start).toMillis();
            key = grid.key(start);
        }
        wall = wallTimeAt(nextMs, zone.offset(nextMs));
        const endText = formatInstant(wall);
        out.push({ key, dataIntervalStart: startText, dataIntervalEnd: endText });
        ms = nextMs;
        startText = endText;
    }
    return out;
}
/** Partitions from startKey to endKey inclusive, oldest first. */
function partitionRange(grain, timezone, startKey, endKey) {
    const first = partitionForKey(grain, timezone, startKey);
    const last = partitionForKey(grain, timezone, endKey);
    if (Date.parse(last.dataIntervalStart) < Date.parse(first.dataIntervalStart))
        throw new UsageError(`range end '${endKey}' is before its start '${startKey}'`);
    return partitions_partitionsBetween(grain, timezone, first, last);
}
/** Airflow's ds: the date (YYYY-MM-DD) of the interval's start in the pipeline's zone. */
function dsOf(partition, timezone) {
    return DateTime.fromISO(partition.dataIntervalStart, { zone: timezone }).toFormat('yyyy-MM-dd');
}
/** True once the partition's interval has ended. */
function partitions_isDue(partition, now) {
    return Date.parse(partition.dataIntervalEnd) <= now.getTime();
}
/** "an hourly", "a daily": the article English wants before the grain. */
function article(grain) {
    return grain === 'hourly' ? `an ${grain}` : `a ${grain}`;
}

;// CONCATENATED MODULE: ./src/schedule/window.ts



function window_contractWindow(pipeline) {
    const { partition: grain, timezone } = pipeline;
    const first = partitionContaining(grain, timezone, parseInstant(pipeline.startDate, timezone, 'start_date').toJSDate());
    if (pipeline.endDate === undefined)
        return { first };
    const last = partitionContaining(grain, timezone, parseInstant(pipeline.endDate, timezone, 'end_date').toJSDate());
    return { first, last };
}
/** The newest partition whose interval has ended by `now` (the one containing `now` is still open). */
function window_latestDuePartition(pipeline, now) {
    return previousPartition(pipeline.partition, pipeline.timezone, partitionContaining(pipeline.partition, pipeline.timezone, now));
}
/** Interval start as a number, for ordering partitions of one grid. */
function window_startMs(partition) {
    return Date.parse(partition.dataIntervalStart);
}
/**
 * Refuses, as `backfill` and `run` both must, partitions the contract does not
 * allow: `first` before start_date's partition, `last` after end_date's, or
 * `last` not yet due at `now` (its data interval has not ended).
 */
function assertWithinContract(pipeline, first, last, now) {
    const window = window_contractWindow(pipeline);
    if (window_startMs(first.partition) < window_startMs(window.first))
        throw new UsageError(`${first.label} is before the pipeline's first partition '${window.first.key}' (start_date ${pipeline.startDate}); ` +
            'to process older data, move start_date earlier in the contract');
    if (window.last && window_startMs(last.partition) > window_startMs(window.last))
        throw new UsageError(`${last.label} is after the pipeline's last partition '${window.last.key}' (end_date ${pipeline.endDate})`);
    if (!isDue(last.partition, now)) {
        const due = window_latestDuePartition(pipeline, now);
        throw new UsageError(`${last.label} is not due yet: its data interval ends ${last.partition.dataIntervalEnd}; the latest due partition is '${due.key}'`);
    }
}

;// CONCATENATED MODULE: ./src/quality/freshness.ts
// Freshness against the contract's `freshness.deadline` (local HH:MM): the
// latest due partition must be published by that wall time on the day its
// tick runs, i.e. the first HH:MM at or after its data interval's end. Pure
// over the pipeline's timing, a clock value and the successes seen.



/**
 * The first local `HH:MM` at or after the interval end. For daily, weekly and monthly
 * partitions (which end at midnight) that is HH:MM on the day the interval ends. A wall
 * time skipped by a DST jump moves forward by the gap (02:30 → 03:30), as luxon does.
 */
function freshnessDeadline(partition, timezone, deadline) {
    const match = /^(\d{2}):(\d{2})$/.exec(deadline);
    if (!match)
        throw new RangeError(`freshness deadline '${deadline}' is not HH:MM`);
    const end = luxon_DateTime.fromISO(partition.dataIntervalEnd, { zone: timezone });
    const at = (day) => luxon_DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Number(match[1]), minute: Number(match[2]) }, { zone: timezone });
    const sameDay = at(end);
    return sameDay.toMillis() >= end.toMillis() ? sameDay : at(end.plus({ days: 1 }));
}
/**
 * The verdict for the latest partition due at `now`, or undefined when the contract
 * has no deadline. `missed`: the deadline has passed and no success ended before it;
 * `pending`: the deadline is still ahead and nothing has been published yet.
 */
function checkFreshness(pipeline, now, published) {
    if (!pipeline.freshness)
        return undefined;
    const partition = latestDuePartition(pipeline, now);
    const deadline = freshnessDeadline(partition, pipeline.timezone, pipeline.freshness.deadline);
    const endedAts = published
        .filter((p) => p.partition === partition.key)
        .map((p) => Date.parse(p.endedAt))
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
    const first = endedAts[0];
    const verdict = { partition, deadline: formatInstant(deadline), status: 'pending' };
    if (first !== undefined)
        verdict.publishedAt = new Date(first).toISOString();
    if (first !== undefined && first <= deadline.toMillis())
        verdict.status = 'met';
    else if (now.getTime() >= deadline.toMillis())
        verdict.status = 'missed';
    return verdict;
}

;// CONCATENATED MODULE: ./src/site/reliability.ts



const SLO_WINDOWS_DAYS = [7, 30, 90];
const reliability_DAY_MS = 86_400_000;
function reliability(pipeline, partitions, now) {
    const byTask = new Map(pipeline.tasks.map((t) => [t.id, { task: t.id, failures: 0, classes: {} }]));
    const byClass = {};
    const byWeekday = new Array(7).fill(0);
    const byHour = new Array(24).fill(0);
    const localTime = weekdayAndHour(pipeline.timezone);
    let runs = 0;
    let failedRuns = 0;
    for (const partition of partitions) {
        for (const run of partition.runs) {
            runs++;
            if (run.state === 'failed')
                failedRuns++;
            const failed = run.tasks.filter((t) => t.state === 'failed');
            if (failed.length === 0)
                continue;
            const started = localTime(run.startedAt);
            for (const task of failed) {
                const entry = byTask.get(task.id) ?? { task: task.id, failures: 0, classes: {} };
                byTask.set(task.id, entry);
                const failureClass = task.failureClass ?? 'unclassified';
                entry.failures++;
                entry.classes[failureClass] = (entry.classes[failureClass] ?? 0) + 1;
                byClass[failureClass] = (byClass[failureClass] ?? 0) + 1;
                if (started) {
                    byWeekday[started.weekday]++;
                    byHour[started.hour]++;
                }
            }
        }
    }
    const result = { runs, failedRuns, byTask: [...byTask.values()], byClass, byWeekday, byHour };
    if (pipeline.freshness)
        result.slo = sloAttainment(pipeline, pipeline.freshness.deadline, partitions, now);
    return result;
}
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Weekday (0 = Monday) and hour of an ISO instant in `timezone`; Intl is ~30× faster than luxon for ten years of runs. */
function weekdayAndHour(timezone) {
    const format = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        weekday: 'short',
        hour: 'numeric',
        hourCycle: 'h23',
    });
    return (iso) => {
        const ms = Date.parse(iso);
        if (!Number.isFinite(ms))
            return undefined;
        const parts = format.formatToParts(ms);
        const weekday = WEEKDAYS.indexOf(parts.find((p) => p.type === 'weekday')?.value ?? '');
        const hour = Number(parts.find((p) => p.type === 'hour')?.value);
        return weekday < 0 || !Number.isInteger(hour) ? undefined : { weekday, hour };
    };
}
/** For each window: partitions whose deadline passed in the last N days, and how many were published in time. */
function sloAttainment(pipeline, deadline, partitions, now) {
    const firstSuccess = new Map();
    for (const p of partitions) {
        const ends = p.runs.filter((r) => r.state === 'success' && r.endedAt).map((r) => Date.parse(r.endedAt));
        if (ends.length > 0)
            firstSuccess.set(p.key, Math.min(...ends));
    }
    const longest = Math.max(...SLO_WINDOWS_DAYS) * reliability_DAY_MS;
    const first = Date.parse(window_contractWindow(pipeline).first.dataIntervalStart);
    // Deadlines of the partitions due in the longest window, newest first.
    const due = [];
    let partition = window_latestDuePartition(pipeline, now);
    while (Date.parse(partition.dataIntervalStart) >= first) {
        const at = freshnessDeadline(partition, pipeline.timezone, deadline).toMillis();
        if (at < now.getTime() - longest)
            break;
        if (at <= now.getTime()) {
            const published = firstSuccess.get(partition.key);
            due.push({ deadline: at, met: published !== undefined && published <= at });
        }
        partition = previousPartition(pipeline.partition, pipeline.timezone, partition);
    }
    return SLO_WINDOWS_DAYS.map((days) => {
        const inWindow = due.filter((d) => d.deadline > now.getTime() - days * reliability_DAY_MS);
        return { days, due: inWindow.length, met: inWindow.filter((d) => d.met).length };
    });
}

;// CONCATENATED MODULE: ./src/contract/diff.ts
function compare(changes, field, before, after) {
    if (before === after)
        return;
    const change = { field };
    if (before !== undefined)
        change.before = before;
    if (after !== undefined)
        change.after = after;
    changes.push(change);
}
/** A task's kind and what it runs, one line: `handler tasks/x.ts#f`, `checks on bronze`. */
function describeTask(task) {
    const spec = task.spec;
    switch (spec.kind) {
        case 'handler':
            return `handler ${spec.module}#${spec.exportName}`;
        case 'command':
            return `command ${spec.argv.join(' ')}`;
        case 'sensor':
            return `sensor ${spec.path}`;
        case 'checks':
            return `checks on ${spec.dataset}`;
    }
}
function taskChanges(changes, base, head) {
    const before = new Map(base.tasks.map((t) => [t.id, t]));
    const after = new Map(head.tasks.map((t) => [t.id, t]));
    for (const [id, task] of before)
        if (!after.has(id))
            compare(changes, `tasks.${id}`, describeTask(task), undefined);
    for (const [id, task] of after) {
        const old = before.get(id);
        if (!old) {
            compare(changes, `tasks.${id}`, undefined, describeTask(task));
            continue;
        }
        compare(changes, `tasks.${id}.kind`, describeTask(old), describeTask(task));
        compare(changes, `tasks.${id}.upstream`, [...old.upstream].sort().join(', '), [...task.upstream].sort().join(', '));
        compare(changes, `tasks.${id}.retries`, String(old.policy.retries), String(task.policy.retries));
        compare(changes, `tasks.${id}.trigger_rule`, old.triggerRule, task.triggerRule);
    }
}
function mapChanges(changes, prefix, base, head) {
    const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
    for (const name of names)
        compare(changes, `${prefix}.${name}`, base[name], head[name]);
}
/** The changes from `base` (the target branch) to `head` (the pull request); either may be absent. */
function diffPipelines(base, head) {
    if (!base && !head)
        throw new RangeError('diffPipelines needs at least one pipeline');
    if (!base)
        return { dagId: head.dagId, status: 'added', changes: [] };
    if (!head)
        return { dagId: base.dagId, status: 'removed', changes: [] };
    const changes = [];
    compare(changes, 'owner', base.owner, head.owner);
    compare(changes, 'schedule', base.schedule ?? 'manual only', head.schedule ?? 'manual only');
    compare(changes, 'timezone', base.timezone, head.timezone);
    compare(changes, 'partition', base.partition, head.partition);
    compare(changes, 'start_date', base.startDate, head.startDate);
    compare(changes, 'end_date', base.endDate, head.endDate);
    compare(changes, 'catchup', String(base.catchup), String(head.catchup));
    compare(changes, 'max_active_runs', String(base.maxActiveRuns), String(head.maxActiveRuns));
    compare(changes, 'freshness.deadline', base.freshness?.deadline, head.freshness?.deadline);
    compare(changes, 'defaults.retries', String(base.defaults.retries), String(head.defaults.retries));
    mapChanges(changes, 'inputs', base.inputs, head.inputs);
    mapChanges(changes, 'outputs', base.outputs, head.outputs);
    taskChanges(changes, base, head);
    return { dagId: head.dagId, status: changes.length ? 'changed' : 'unchanged', changes };
}
/** Plain words for a change, for a summary table. */
function describeChange(change) {
    if (change.before === undefined)
        return `added: ${change.after}`;
    if (change.after === undefined)
        return `removed: ${change.before}`;
    return `${change.before} → ${change.after}`;
}

;// CONCATENATED MODULE: ./src/run/duration.ts
// Durations for people: 250ms, 4.2s, 3m05s, 1h02m.
function duration_formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
    const totalSeconds = Math.round(ms / 1000);
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    if (h > 0)
        return `${h}h${String(m).padStart(2, '0')}m`;
    return `${m}m${String(s).padStart(2, '0')}s`;
}

;// CONCATENATED MODULE: ./src/site/html.ts
// HTML built as strings with every interpolated value escaped: `html` escapes
// whatever is not already `Html`, so a run's error message can never become markup.
class Html {
    text;
    constructor(text) {
        this.text = text;
    }
    toString() {
        return this.text;
    }
}
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function render(value) {
    if (value === undefined || value === null || value === false)
        return '';
    if (value instanceof Html)
        return value.text;
    if (Array.isArray(value))
        return value.map(render).join('');
    return escapeHtml(String(value));
}
function html_html(strings, ...values) {
    let out = strings[0];
    for (let i = 0; i < values.length; i++)
        out += render(values[i]) + strings[i + 1];
    return new Html(out);
}
/** A whole page: charset, viewport for phones, a CSP that allows only our own files, our stylesheet. */
function html_page(options) {
    const scripts = (options.scripts ?? []).map((src) => html_html `<script defer src="${src}"></script>`);
    return `<!doctype html>\n${html_html `<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'">
<title>${options.title}</title>
<link rel="stylesheet" href="${options.root}assets/site.css">
${scripts}
</head>
<body>
${options.body}
</body>
</html>
`}`;
}

;// CONCATENATED MODULE: ./src/site/charts.ts
// Small inline SVG charts, drawn at build time: no charting library to ship,
// nothing to run in the browser, and a text alternative beside every chart.

const WIDTH = 600;
const HEIGHT = 100;
const PAD = 4;
/** Past this many points a series is reduced to the lowest and highest point per bucket. */
const MAX_POINTS = 1200;
const FEW_POINTS = 60;
/** Keeps each bucket's extremes, so a spike or a drop survives the reduction. */
function reduce(points) {
    const indexed = points.map((point, index) => ({ index, point }));
    if (points.length <= MAX_POINTS)
        return indexed;
    const size = Math.ceil(points.length / (MAX_POINTS / 2));
    const out = [];
    for (let start = 0; start < indexed.length; start += size) {
        const bucket = indexed.slice(start, start + size);
        let low = bucket[0];
        let high = bucket[0];
        for (const item of bucket) {
            if (item.point.value < low.point.value)
                low = item;
            if (item.point.value > high.point.value)
                high = item;
        }
        out.push(...(low.index <= high.index ? [low, high] : [high, low]).filter((v, i, a) => a.indexOf(v) === i));
    }
    return out;
}
function formatNumber(value) {
    return Number.isInteger(value)
        ? value.toLocaleString('en-US')
        : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
/** A line over the partitions with the outliers marked; `title` and `desc` describe it to screen readers. */
function sparkline(trend) {
    const values = trend.points.map((p) => p.value);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const span = max - min || 1;
    const last = Math.max(trend.points.length - 1, 1);
    const x = (i) => (PAD + ((WIDTH - 2 * PAD) * i) / last).toFixed(1);
    const y = (v) => (HEIGHT - PAD - ((HEIGHT - 2 * PAD) * (v - min)) / span).toFixed(1);
    const line = reduce(trend.points)
        .map(({ index, point }) => `${x(index)},${y(point.value)}`)
        .join(' ');
    const outlierIndex = new Set(trend.outliers.map((o) => o.partition));
    const marks = trend.points
        .map((point, index) => ({ point, index }))
        .filter(({ point }) => outlierIndex.has(point.partition))
        .slice(0, 200)
        .map(({ point, index }) => html_html `<circle class="outlier" cx="${x(index)}" cy="${y(point.value)}" r="4"><title>${point.partition}: ${formatNumber(point.value)}</title></circle>`);
    // A short series gets a dot per partition, so three days read as three points, not a slope.
    const dots = trend.points.length <= FEW_POINTS
        ? trend.points.map((point, index) => html_html `<circle class="point" cx="${x(index)}" cy="${y(point.value)}" r="3"><title>${point.partition}: ${formatNumber(point.value)}</title></circle>`)
        : [];
    const summary = `${trend.metric}: ${trendSummary(trend)}`;
    return html_html `<svg class="spark" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${summary}"><title>${summary}</title><polyline points="${line}"/>${dots}${marks}</svg>`;
}
/** The chart in words: its range of partitions and values. */
function trendSummary(trend) {
    const values = trend.points.map((p) => p.value);
    const first = trend.points[0];
    const final = trend.points.at(-1);
    const range = first && final ? ` from ${first.partition} to ${final.partition}` : '';
    return `${trend.points.length} partitions${range}, lowest ${formatNumber(Math.min(...values))}, median ${formatNumber(trend.median)}, highest ${formatNumber(Math.max(...values))}`;
}
/** One row of counts as shaded cells with the number written in each (weekday or hour patterns). */
function heatRow(caption, labels, counts) {
    const top = Math.max(...counts, 1);
    return html_html `<table class="heat"><caption>${caption}</caption><thead><tr>${labels.map((l) => html_html `<th scope="col">${l}</th>`)}</tr></thead><tbody><tr>${counts.map((c) => html_html `<td class="h${c === 0 ? 0 : Math.ceil((4 * c) / top)}">${c}</td>`)}</tr></tbody></table>`;
}

;// CONCATENATED MODULE: ./src/site/model.ts
/** Every state's text alternative: colour never carries meaning alone. */
const STATE_SYMBOL = {
    success: '✓',
    failed: '✗',
    running: '▶',
    deferred: '…',
    up_for_retry: '↻',
    upstream_failed: '!',
    skipped: '–',
    none: '·',
};
function stateLabel(state) {
    return state === 'none' ? 'no run' : state.replaceAll('_', ' ');
}

;// CONCATENATED MODULE: ./src/site/render-index.ts
// index.html: every pipeline as static HTML (no script needed), so the list
// reads from file://, with JavaScript off and to a crawler alike.


function stateBadge(state) {
    return html_html `<span class="badge s-${state}"><span aria-hidden="true">${STATE_SYMBOL[state]}</span> ${stateLabel(state)}</span>`;
}
function percent(met, due) {
    return due === 0 ? '—' : `${Math.floor((1000 * met) / due) / 10}%`;
}
function row(site) {
    const { pipeline, partitions, reliability } = site;
    const latest = partitions[0];
    const slo30 = reliability.slo?.find((s) => s.days === 30);
    return html `<tr data-dag-id="${pipeline.dagId}">
<th scope="row"><a href="pipelines/${pipeline.dagId}/index.html">${pipeline.dagId}</a><div class="sub">${pipeline.description}</div></th>
<td data-field="owner" data-label="Owner">${pipeline.owner}</td>
<td data-field="schedule" data-label="Schedule"><code>${pipeline.schedule ?? 'manual'}</code> <span class="sub">${pipeline.timezone}</span></td>
<td data-field="freshness" data-label="Freshness target">${pipeline.freshness ? html `<time>${pipeline.freshness.deadline}</time> <span class="sub">${pipeline.timezone}</span>` : '—'}</td>
<td data-field="latest" data-label="Latest">${latest ? html `${latest.key} ${stateBadge(latest.latest.state)}` : stateBadge('none')}</td>
<td data-field="slo" data-label="On time (30 days)">${slo30 ? html `${percent(slo30.met, slo30.due)} <span class="sub">of ${slo30.due}</span>` : '—'}</td>
</tr>`;
}
function renderIndex(sites, builtAt) {
    const body = html `<header class="top"><h1>Data products</h1><p class="sub">${sites.length} pipeline${sites.length === 1 ? '' : 's'} · built ${builtAt.toISOString()}</p></header>
<main>
<div class="scroll">
<table class="pipelines">
<caption>Pipelines, their owners, schedules, freshness targets and latest state</caption>
<thead><tr><th scope="col">Pipeline</th><th scope="col">Owner</th><th scope="col">Schedule</th><th scope="col">Freshness target</th><th scope="col">Latest</th><th scope="col">Published on time (30 days)</th></tr></thead>
<tbody>
${sites.map(row)}
</tbody>
</table>
</div>
</main>`;
    return page({ title: 'pipewright — data products', root: '', body });
}

;// CONCATENATED MODULE: ./src/site/render-pipeline.ts
// pipelines/<dag_id>/index.html: catalog, grid, freshness and reliability, trends.
// Everything but the grid is static HTML; the grid is drawn by site.js from
// grid.js, and a partition's details load from runs/<chunk>.js when opened.






const render_pipeline_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
const LEGEND = ['success', 'failed', 'running', 'deferred', 'none'];
function taskKind(task) {
    const rules = task.spec.kind === 'checks' ? ` (${task.spec.rules.length} rules)` : '';
    return `${describeTask(task)}${rules}`;
}
function outputRow(output) {
    const e = output.entry;
    return html_html `<tr><th scope="row">${output.name}</th><td><code>${output.template}</code></td>
<td>${output.partition ?? '—'}</td><td>${e ? formatNumber(e.rows) : '—'}</td><td>${e ? formatNumber(e.bytes) : '—'}</td>
<td>${e ? html_html `<code title="${e.sha256}">${e.sha256.slice(0, 12)}…</code>` : output.path ? 'no manifest' : '—'}</td><td>${e?.producedBy ?? '—'}</td></tr>`;
}
function catalog(site) {
    const p = site.pipeline;
    return html_html `<section id="catalog" aria-labelledby="catalog-h"><h2 id="catalog-h">Catalog</h2>
<dl class="facts">
<dt>Owner</dt><dd data-field="owner">${p.owner}</dd>
<dt>Consumers</dt><dd data-field="consumers">${p.consumers?.length ? p.consumers.join(', ') : '—'}</dd>
<dt>Runbook</dt><dd data-field="runbook">${p.runbook ? html_html `<code>${p.runbook}</code>` : '—'}</dd>
<dt>Tags</dt><dd>${p.tags.length ? p.tags.map((t) => html_html `<span class="tag">${t}</span> `) : '—'}</dd>
<dt>Schedule</dt><dd><code>${p.schedule ?? 'manual only'}</code> in ${p.timezone}, ${p.partition} partitions from ${p.startDate}${p.endDate ? ` to ${p.endDate}` : ''}${p.catchup ? ', catch-up on' : ''}</dd>
<dt>Freshness target</dt><dd data-field="freshness">${p.freshness ? html_html `published by <time>${p.freshness.deadline}</time> ${p.timezone} on the day its tick runs` : 'none set'}</dd>
<dt>Alerts</dt><dd>${p.alerts.on.length ? p.alerts.on.join(', ') : 'none'}${p.alerts.labels.length ? ` · labels ${p.alerts.labels.join(', ')}` : ''}</dd>
</dl>
<h3>Inputs</h3>
<div class="scroll"><table><thead><tr><th scope="col">Name</th><th scope="col">Path</th></tr></thead><tbody>
${[...new Set([...Object.keys(p.inputs), ...Object.keys(p.from ?? {})])].map((name) => {
        const from = p.from?.[name];
        const path = p.inputs[name];
        return html_html `<tr><th scope="row">${name}</th><td>${from ? html_html `from <code>${from.dagId}.${from.output}</code> ` : ''}${path ? html_html `<code>${path}</code>` : ''}</td></tr>`;
    })}
</tbody></table></div>
<h3>Outputs and their last published version</h3>
<div class="scroll"><table><thead><tr><th scope="col">Name</th><th scope="col">Path</th><th scope="col">Partition</th><th scope="col">Rows</th><th scope="col">Bytes</th><th scope="col">sha256</th><th scope="col">Run</th></tr></thead><tbody>
${site.outputs.map(outputRow)}
</tbody></table></div>
<h3>Tasks</h3>
<div class="scroll"><table><thead><tr><th scope="col">Task</th><th scope="col">Kind</th><th scope="col">Upstream</th><th scope="col">Retries</th><th scope="col">Timeout</th></tr></thead><tbody>
${p.tasks.map((t) => html_html `<tr><th scope="row">${t.id}</th><td><code>${taskKind(t)}</code></td><td>${t.upstream.join(', ') || '—'} <span class="sub">${t.triggerRule}</span></td><td>${t.policy.retries}</td><td>${duration_formatDuration(t.policy.timeoutMs)}</td></tr>`)}
</tbody></table></div>
${site.runbook ? html_html `<details class="runbook"><summary>Runbook (README.md)</summary><pre>${site.runbook}</pre></details>` : ''}
</section>`;
}
function grid(site) {
    const legend = LEGEND.map((s) => html_html `<li><span class="cell s-${s}" aria-hidden="true">${STATE_SYMBOL[s]}</span> ${stateLabel(s)}</li>`);
    return html_html `<section id="grid" aria-labelledby="grid-h"><h2 id="grid-h">Grid</h2>
<p class="sub">${site.partitions.length} partitions, newest first; each row is a partition, each square one of its runs (oldest left). Arrow keys move, Enter opens.</p>
<ul class="legend" aria-label="Legend">${legend}</ul>
<label class="filter">Show <select id="grid-filter"><option value="">all partitions</option><option value="failed">latest run failed</option><option value="running">latest run running</option><option value="deferred">latest run deferred</option><option value="success">latest run succeeded</option></select></label>
<div class="grid-layout">
<div id="grid-cells" class="grid" role="grid" aria-label="Partitions and their runs" aria-rowcount="${site.partitions.length}"><p class="sub">Loading the grid…</p></div>
<section id="partition" class="partition" aria-live="polite" tabindex="-1"><p class="sub">Open a partition to see its runs, task states, durations, checks, metrics and reasons.</p></section>
</div>
<noscript><p>The grid needs JavaScript; the catalog, reliability and trends above and below do not.</p></noscript>
</section>`;
}
function reliabilitySection(r, pipeline) {
    const slo = r.slo
        ? html_html `<table class="slo"><caption>Published by ${pipeline.freshness.deadline} ${pipeline.timezone}</caption><thead><tr><th scope="col">Window</th><th scope="col">On time</th><th scope="col">Due</th><th scope="col">Attainment</th></tr></thead><tbody>
${r.slo.map((s) => html_html `<tr data-window="${s.days}"><th scope="row">${s.days} days</th><td>${s.met}</td><td>${s.due}</td><td>${percent(s.met, s.due)}</td></tr>`)}
</tbody></table>`
        : html_html `<p>No freshness target in the contract.</p>`;
    const classes = Object.entries(r.byClass).sort(([, a], [, b]) => b - a);
    const classNames = [...new Set(r.byTask.flatMap((t) => Object.keys(t.classes)))].sort();
    return html_html `<section id="reliability" aria-labelledby="reliability-h"><h2 id="reliability-h">Freshness and reliability</h2>
${slo}
<p>${formatNumber(r.runs)} runs, ${formatNumber(r.failedRuns)} failed${classes.length ? html_html ` · failed tasks by class: ${classes.map(([c, n]) => `${c} ${n}`).join(', ')}` : ''}.</p>
<div class="scroll"><table><caption>Failed task attempts per task</caption><thead><tr><th scope="col">Task</th><th scope="col">Failures</th>${classNames.map((c) => html_html `<th scope="col">${c}</th>`)}</tr></thead><tbody>
${r.byTask.map((t) => html_html `<tr><th scope="row">${t.task}</th><td>${t.failures}</td>${classNames.map((c) => html_html `<td>${t.classes[c] ?? 0}</td>`)}</tr>`)}
</tbody></table></div>
<div class="scroll">${heatRow(`Failures by weekday (run start, ${pipeline.timezone})`, render_pipeline_WEEKDAYS, r.byWeekday)}</div>
<div class="scroll">${heatRow(`Failures by hour (run start, ${pipeline.timezone})`, HOURS, r.byHour)}</div>
</section>`;
}
function trendsSection(trends) {
    const figures = trends.map((t) => html_html `<figure class="trend" data-metric="${t.metric}"><figcaption><strong>${t.metric}</strong> · median ${formatNumber(t.median)}${t.outliers.length
        ? html_html ` · <span class="warn">${t.outliers.length} partition${t.outliers.length === 1 ? '' : 's'} 10× off the median: ${t.outliers
            .slice(0, 10)
            .map((o) => `${o.partition} (${formatNumber(o.value)})`)
            .join(', ')}${t.outliers.length > 10 ? ', …' : ''}</span>`
        : ''}</figcaption>${sparkline(t)}<p class="sub">${trendSummary(t)}</p></figure>`);
    return html_html `<section id="trends" aria-labelledby="trends-h"><h2 id="trends-h">Trends</h2>
${trends.length ? figures : html_html `<p>No metrics recorded by a successful run yet.</p>`}
</section>`;
}
function renderPipeline(site) {
    const p = site.pipeline;
    const latest = site.partitions[0];
    const body = html_html `<header class="top"><p><a href="../../index.html">← All data products</a></p>
<h1>${p.dagId}</h1><p>${p.description}</p>
<p>Latest: ${latest ? html_html `${latest.key} ${stateBadge(latest.latest.state)}` : stateBadge('none')}</p>
<nav aria-label="Sections"><a href="#catalog">Catalog</a> <a href="#grid">Grid</a> <a href="#reliability">Freshness and reliability</a> <a href="#trends">Trends</a></nav>
</header>
<main>
${catalog(site)}
${grid(site)}
${reliabilitySection(site.reliability, p)}
${trendsSection(site.trends)}
</main>`;
    return html_page({ title: `${p.dagId} — pipewright`, root: '../../', body, scripts: ['grid.js', '../../assets/site.js'] });
}

;// CONCATENATED MODULE: ./src/plan/due.ts



/** At most this many never-run partitions are listed; the count is always exact up to MAX_PARTITIONS. */
const DUE_LISTED = 50;
/**
 * The partitions of the contract's window that are due at `now` and have no run in `latest`,
 * oldest first. A pipeline without a schedule has none: nothing makes its partitions due.
 */
function dueWithoutRun(pipeline, latest, now) {
    if (!pipeline.schedule)
        return [];
    const window = contractWindow(pipeline);
    let last = latestDuePartition(pipeline, now);
    if (window.last && startMs(window.last) < startMs(last))
        last = window.last;
    if (startMs(last) < startMs(window.first))
        return [];
    let due;
    try {
        due = partitionsBetween(pipeline.partition, pipeline.timezone, window.first, last);
    }
    catch (error) {
        if (error instanceof UsageError)
            return []; // beyond MAX_PARTITIONS: a start_date typo, reported by plan
        throw error;
    }
    return due.filter((p) => !latest.has(p.key));
}
/** Attempts of each task of a run, e.g. { ingest: 1, build: 3 }. */
function due_attemptsByTask(record) {
    return Object.fromEntries(record.tasks.map((t) => [t.id, t.attempts]));
}
/** The most attempts any task of the run needed: 1 for a clean run, whatever its task count. */
function due_maxAttempts(record) {
    return record.tasks.reduce((most, t) => Math.max(most, t.attempts), 0);
}
/**
 * `due, never run: 3 partitions: 2026-05-03, 2026-05-05..2026-05-06`: adjacent partitions
 * as one range, so months of gap read as one item (the first DUE_LISTED items).
 */
function renderDueWithoutRun(partitions) {
    if (partitions.length === 0)
        return '';
    const ranges = [];
    for (const p of partitions) {
        const open = ranges.at(-1);
        if (open && open.last.dataIntervalEnd === p.dataIntervalStart)
            open.last = p;
        else
            ranges.push({ first: p, last: p });
    }
    const items = ranges
        .slice(0, DUE_LISTED)
        .map((r) => (r.first === r.last ? r.first.key : `${r.first.key}..${r.last.key}`));
    const more = ranges.length > DUE_LISTED ? `, ... (${ranges.length - DUE_LISTED} more ranges)` : '';
    const n = partitions.length;
    return `due, never run: ${n} partition${n === 1 ? '' : 's'}: ${items.join(', ')}${more}\n`;
}

;// CONCATENATED MODULE: ./src/run/status.ts
// `pipewright status`: one row per partition from the ledger's latest runs.



const DECIMAL = /^-?\d+(\.\d+)?$/;
function numericMetrics(metrics) {
    const out = {};
    for (const [key, value] of Object.entries(metrics)) {
        if (typeof value === 'number' && Number.isFinite(value))
            out[key] = value;
        else if (typeof value === 'string' && DECIMAL.test(value))
            out[key] = Number(value);
    }
    return out;
}
function statusRows(latest) {
    return [...latest.values()]
        .sort((a, b) => a.partition.localeCompare(b.partition))
        .map((r) => {
        const metrics = numericMetrics(r.metrics);
        const outputRows = r.outputs.reduce((sum, o) => sum + o.rows, 0);
        return {
            partition: r.partition,
            state: r.state,
            run_id: r.runId,
            trigger: r.trigger,
            attempts: maxAttempts(r),
            attempts_by_task: attemptsByTask(r),
            duration_ms: r.endedAt ? Date.parse(r.endedAt) - Date.parse(r.startedAt) : null,
            rows: metrics.row_count ?? (r.outputs.length > 0 ? outputRows : null),
            metrics,
            reason: r.abandoned ? `${r.reason} (run killed before it finished)` : r.reason,
            started_at: r.startedAt,
            live_version: r.liveVersion ?? (r.state === 'success' && r.publication === undefined ? r.runId : null),
            pinned: r.pinned === true,
        };
    });
}
/** A plain-text table; metric columns are the union over rows, `row_count` shown as ROWS. */
function renderStatusTable(dagId, rows) {
    if (rows.length === 0)
        return `${dagId}: no runs in the ledger yet\n`;
    const metricNames = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].filter((m) => m !== 'row_count').sort();
    const header = [
        'PARTITION',
        'STATE',
        'RUN ID',
        'TRIGGER',
        'ATTEMPTS',
        'DURATION',
        'ROWS',
        ...metricNames.map((m) => m.toUpperCase()),
        'LIVE VERSION',
        'REASON',
    ];
    const cells = rows.map((r) => [
        r.partition,
        r.state,
        r.run_id,
        r.trigger,
        String(r.attempts),
        r.duration_ms === null ? '-' : formatDuration(r.duration_ms),
        r.rows === null ? '-' : String(r.rows),
        ...metricNames.map((m) => {
            const v = r.metrics[m];
            return v === undefined ? '-' : String(v);
        }),
        r.live_version === null
            ? '-'
            : `${r.live_version === r.run_id ? 'this run' : r.live_version}${r.pinned ? ' (pinned)' : ''}`,
        r.reason,
    ]);
    return textTable(header, cells);
}

;// CONCATENATED MODULE: ./src/site/trends.ts
// Each partition's metrics over time, from the last successful run of each
// partition, with the points an order of magnitude away from the series'
// median called out (a day that lost 90% of its orders should stand out).

const OUTLIER_FACTOR = 10;
function trends(partitions) {
    const series = new Map();
    // Oldest partition first; the values `status` shows: numeric metrics, `row_count` falling back to the outputs' rows.
    // Keys of one grain order the same by code unit as by locale, and ten years of them sort 20× faster.
    const oldestFirst = [...partitions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const p of oldestFirst) {
        const run = p.runs.findLast((r) => r.state === 'success');
        if (!run)
            continue;
        const values = numericMetrics(run.metrics);
        if (values.row_count === undefined && run.outputs.length > 0) {
            values.row_count = run.outputs.reduce((sum, o) => sum + o.rows, 0);
        }
        for (const [metric, value] of Object.entries(values)) {
            const points = series.get(metric);
            if (points)
                points.push({ partition: p.key, value });
            else
                series.set(metric, [{ partition: p.key, value }]);
        }
    }
    return [...series.entries()]
        .sort(([a], [b]) => (a === 'row_count' ? -1 : b === 'row_count' ? 1 : a.localeCompare(b)))
        .map(([metric, points]) => {
        const median = medianOf(points.map((p) => p.value));
        return { metric, points, median, outliers: points.filter((p) => isOutlier(p.value, median)) };
    });
}
function medianOf(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function isOutlier(value, median) {
    if (median === 0)
        return false;
    const ratio = value / median;
    return ratio >= OUTLIER_FACTOR || ratio <= 1 / OUTLIER_FACTOR;
}

;// CONCATENATED MODULE: ./src/site/pipeline-pages.ts
// One pipeline's pages and data files, from its contract and its history: what a
// build does for each pipeline, on the main thread or on a worker (threads.ts).










/** Counts what it writes, creating folders as needed (each once: a pipeline writes a hundred files into one). */
class SiteWriter {
    files = 0;
    bytes = 0;
    folders = new Map();
    async write(path, text) {
        const folder = (0,external_node_path_.dirname)(path);
        let made = this.folders.get(folder);
        if (!made) {
            made = (0,promises_.mkdir)(folder, { recursive: true });
            this.folders.set(folder, made);
        }
        await made;
        await (0,promises_.writeFile)(path, text);
        const bytes = Buffer.byteLength(text);
        this.files++;
        this.bytes += bytes;
        return bytes;
    }
}
/**
 * Writes `pipelines/<dag_id>/` of the site under `out`. The history streams
 * through, newest partition first: each month's details file is written as soon
 * as its partitions have passed, and only an outline of each run is kept for
 * the grid, reliability and trends.
 */
async function writePipelinePages(source, out, now) {
    const writer = new SiteWriter();
    const dir = (0,external_node_path_.join)(out, 'pipelines', source.pipeline.dagId);
    const writes = [];
    const partitions = [];
    let chunk = [];
    const flush = () => {
        if (chunk.length === 0)
            return;
        const name = chunkOf(chunk[0].key);
        writes.push(writer.write((0,external_node_path_.join)(dir, 'runs', `${name}.js`), chunkScript(name, chunk)));
        chunk = [];
    };
    try {
        await eachPartition(source.ledger, source.pipeline.dagId, (partition) => {
            // Newest first, so a chunk's partitions come together.
            if (chunk.length > 0 && chunkOf(chunk[0].key) !== chunkOf(partition.key))
                flush();
            chunk.push(partition);
            const runs = partition.runs.map(outline);
            partitions.push({ key: partition.key, runs, latest: runs.at(-1) });
        });
        flush();
    }
    finally {
        // Every write settled before a failed read goes up: none may land in a staging folder being removed.
        await Promise.allSettled(writes);
    }
    await Promise.all(writes);
    const site = await collect(source, partitions, now);
    const pageBytes = (await writer.write((0,external_node_path_.join)(dir, 'index.html'), renderPipeline(site))) +
        (await writer.write((0,external_node_path_.join)(dir, 'grid.js'), gridScript(source.pipeline.dagId, site.partitions)));
    // Only the summary is kept: the history of twenty pipelines need not be.
    const indexed = { partitions: site.partitions.slice(0, 1), reliability: site.reliability };
    return { indexed, files: writer.files, bytes: writer.bytes, pageBytes };
}
async function collect(source, partitions, now) {
    const { pipeline } = source;
    const readme = (0,external_node_path_.join)(pipeline.dir, 'README.md');
    const site = {
        pipeline,
        partitions,
        reliability: reliability(pipeline, partitions, now),
        trends: trends(partitions),
        outputs: await lastPublished(pipeline, await openDataRootForReading(source.dataRoot), partitions),
    };
    if ((0,external_node_fs_.existsSync)(readme))
        site.runbook = await (0,promises_.readFile)(readme, 'utf8');
    return site;
}

// EXTERNAL MODULE: ./src/store/bucket-ledger.ts
var bucket_ledger = __nccwpck_require__(6413);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: ./src/store/git-ledger.ts
// The run ledger on a git branch, so catch-up and `reprocess failed` survive
// ephemeral runners and expiring artifacts. One small file per
// (pipeline, partition, run) — `runs/<dag_id>/<partition>/<run_id>.json`, the
// same layout as the filesystem ledger — so parallel matrix jobs never touch the
// same path: a push rejected as non-fast-forward is simply rebuilt on the new
// tip and pushed again. Commits are made with plumbing on a private index, so the
// user's checkout and working tree are never touched.
// Each commit also updates `index/<dag_id>.json` (see ledger-index.ts), so the
// record and the index change together. Each entry is stamped with its partition's
// tree id: a reader trusts an entry only while that tree is unchanged, and reads the
// records of every other partition (written by an older pipewright or by hand).










// Each fetch lands on a ref of its own: writers that share one clone would
// otherwise race to move one local ref ("cannot lock ref") and lose records.
const FETCH_REF_PREFIX = 'refs/pipewright/fetch';
const MAX_REMEMBERED = 100_000;
const IDENTITY_ENV = {
    GIT_AUTHOR_NAME: 'pipewright',
    GIT_AUTHOR_EMAIL: 'pipewright@users.noreply.github.com',
    GIT_COMMITTER_NAME: 'pipewright',
    GIT_COMMITTER_EMAIL: 'pipewright@users.noreply.github.com',
    GIT_TERMINAL_PROMPT: '0',
};
class git_ledger_GitLedger {
    repoDir;
    remote;
    branch;
    maxPushAttempts;
    gitEnv;
    /** As given, so another thread can open the same ledger (the status site's workers). */
    options;
    /** Index entries by their partition's tree id. */
    entriesByTree = new Map();
    constructor(options) {
        this.options = options;
        this.gitEnv = options.gitEnv ?? {};
        this.repoDir = options.repoDir;
        this.remote = options.remote ?? 'origin';
        this.branch = options.branch ?? 'pipewright-state';
        this.maxPushAttempts = options.maxPushAttempts ?? 30;
    }
    async latestRuns(dagId) {
        const tip = await this.fetch();
        if (!tip)
            return new Map();
        const entries = await this.entries(tip, dagId);
        // One batch for every partition's latest record, found through the index.
        const texts = await this.readBlobs(entries.map((e) => `${tip}:${recordPath({ dagId, ...e })}`));
        return new Map(entries.map((e, i) => [e.partition, this.parse(texts[i], recordPath({ dagId, ...e }))]));
    }
    /** `latestRuns` without tasks, checks and files: from the index, reading only partitions it does not know. */
    async latestSummaries(dagId) {
        const tip = await this.fetch();
        if (!tip)
            return new Map();
        return new Map((await this.entries(tip, dagId)).map((e) => [e.partition, (0,ledger_index/* summaryOf */.YG)(dagId, e)]));
    }
    /** The index entry of every partition at `tree-ish`, with those it lacks or knows stale read from the records. */
    async entries(treeish, dagId) {
        return (await this.indexAt(treeish, dagId)).partitions;
    }
    /** The index as it should be at `treeish`: the stored one, with stale or missing entries read from the records. */
    async indexAt(treeish, dagId) {
        const [stored] = await this.readBlobs([`${treeish}:${indexPath(dagId)}`]);
        const index = (0,ledger_index/* parseIndex */.A1)(stored, dagId);
        const known = new Map(index.partitions.map((e) => [e.partition, e]));
        const trees = new Map();
        for (const line of (await this.git(['ls-tree', '--format=%(objecttype) %(objectname) %(path)', treeish, '--', `runs/${dagId}/`])).split('\n')) {
            const [type, oid, path] = line.split(' ');
            if (type === 'tree' && oid && path)
                trees.set(path.slice(path.lastIndexOf('/') + 1), oid);
        }
        const gone = new Set([...known.keys()].filter((key) => !trees.has(key)));
        const stale = [...trees].filter(([partition, tree]) => known.get(partition)?.stamp !== tree);
        if (stale.length === 0 && gone.size === 0)
            return { ...index, changed: false };
        // A tree id names its content, so an entry read once for it holds for good (a retried push rebuilds it free).
        const remembered = stale.flatMap(([, tree]) => this.entriesByTree.get(tree) ?? []);
        const unread = stale.filter(([, tree]) => !this.entriesByTree.has(tree));
        if (unread.length === 0)
            return { ...(0,ledger_index/* withEntries */.bA)(index, remembered, gone), changed: true };
        const prefixes = unread.length === trees.size ? [`runs/${dagId}/`] : unread.map(([p]) => `runs/${dagId}/${p}/`);
        const byPartition = new Map();
        for (const record of await this.readAllAt(treeish, prefixes)) {
            const list = byPartition.get(record.partition);
            if (list)
                list.push(record);
            else
                byPartition.set(record.partition, [record]);
        }
        const found = unread.flatMap(([partition, tree]) => {
            const entry = (0,ledger_index/* entryFor */.cy)(partition, tree, (byPartition.get(partition) ?? []).sort(ledger/* compareRuns */.qB));
            if (this.entriesByTree.size < MAX_REMEMBERED)
                this.entriesByTree.set(tree, entry ? [entry] : []);
            return entry ? [entry] : [];
        });
        return { ...(0,ledger_index/* withEntries */.bA)(index, [...remembered, ...found], gone), changed: true };
    }
    async runs(dagId, partition) {
        return (await this.readAll(`runs/${dagId}/${partition}/`)).sort(ledger/* compareRuns */.qB);
    }
    /** Every run of a pipeline, oldest first, in one fetch and one read. */
    async history(dagId) {
        return (await this.readAll(`runs/${dagId}/`)).sort(ledger/* compareRuns */.qB);
    }
    /**
     * Every partition's runs, oldest first, newest partition first, one partition at
     * a time as they stream in (the status site): one fetch and one read, and a long
     * history never has to be held whole.
     */
    async eachPartition(dagId, visit) {
        const tip = await this.fetch();
        if (!tip)
            return;
        const byPartition = new Map();
        for (const blob of await this.recordBlobs(tip, [`runs/${dagId}/`])) {
            const partition = blob.path.split('/')[2];
            const list = byPartition.get(partition);
            if (list)
                list.push(blob);
            else
                byPartition.set(partition, [blob]);
        }
        const groups = [...byPartition].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([, blobs]) => blobs);
        const blobs = groups.flat();
        let runs = [];
        let group = 0;
        await this.catFile(blobs.map((b) => b.id), (text, i) => {
            runs.push(this.parse(text, blobs[i].path));
            if (runs.length === groups[group].length) {
                visit(runs.sort(ledger/* compareRuns */.qB));
                runs = [];
                group++;
            }
        });
    }
    /**
     * This ledger as the branch is now, fetched once: reads from it fetch nothing
     * more, and many reads (the status site's pipelines) see one state.
     */
    async snapshot() {
        return new git_ledger_GitLedger({ ...this.options, at: (await this.fetch()) ?? '' });
    }
    async write(record) {
        if (this.options.at !== undefined)
            throw new Error('a snapshot of the run ledger cannot be written to');
        const path = recordPath(record);
        const content = (0,json/* toJsonText */.jj)(record);
        const blob = (await this.git(['hash-object', '-w', '--stdin'], content)).trim();
        const indexDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'pipewright-ledger-'));
        const env = { GIT_INDEX_FILE: (0,external_node_path_.join)(indexDir, 'index') };
        try {
            for (let attempt = 1;; attempt++) {
                const parent = await this.fetch();
                if (parent)
                    await this.git(['read-tree', parent], undefined, env);
                else
                    await this.git(['read-tree', '--empty'], undefined, env);
                await this.git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], undefined, env);
                // The index in the same commit: our partition's entry, and any others an older writer left stale.
                const index = await this.indexAt((await this.git(['write-tree'], undefined, env)).trim(), record.dagId);
                if (index.changed) {
                    const { changed: _, ...text } = index;
                    const indexBlob = (await this.git(['hash-object', '-w', '--stdin'], (0,ledger_index/* indexText */.oX)(text))).trim();
                    const at = `100644,${indexBlob},${indexPath(record.dagId)}`;
                    await this.git(['update-index', '--add', '--cacheinfo', at], undefined, env);
                }
                const tree = (await this.git(['write-tree'], undefined, env)).trim();
                const message = `ledger: ${record.dagId} ${record.partition} ${record.state} (${record.runId})`;
                const commit = (await this.git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message])).trim();
                try {
                    await this.git(['push', '--quiet', this.remote, `${commit}:refs/heads/${this.branch}`]);
                    return;
                }
                catch (error) {
                    // Another job pushed first: our file is still unique, so rebuild on the new tip.
                    if (!isRaceLoss(error) || attempt >= this.maxPushAttempts)
                        throw this.refusedOr(error, `the run ledger's push to branch '${this.branch}'`, 'write');
                    await sleep(Math.min(2000, 50 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
                }
            }
        }
        finally {
            await (0,promises_.rm)(indexDir, { recursive: true, force: true });
        }
    }
    /** Fetches the state branch; returns its tip, or undefined when it does not exist yet. */
    async fetch() {
        if (this.options.at !== undefined)
            return this.options.at || undefined;
        const ref = `${FETCH_REF_PREFIX}/${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        try {
            // --refmap= : no opportunistic update of refs/remotes/<remote>/<branch>, another shared ref.
            await this.git(['fetch', '--quiet', '--no-tags', '--refmap=', this.remote, `+refs/heads/${this.branch}:${ref}`]);
        }
        catch (error) {
            if (/couldn't find remote ref|could not find remote ref/i.test(stderrOf(error)))
                return undefined;
            throw this.refusedOr(error, `to let the run ledger fetch branch '${this.branch}'`, 'read');
        }
        try {
            return (await this.git(['rev-parse', ref])).trim();
        }
        finally {
            // The commit stays reachable from what we build on it; the ref itself is not needed.
            await this.git(['update-ref', '-d', ref]).catch(() => { });
        }
    }
    /**
     * A remote that refused our credentials (HTTP 401/403) is a permissions mistake, not a bug:
     * one line naming what was refused and the grant that fixes it. Anything else is returned as is.
     */
    refusedOr(error, what, access) {
        const stderr = stderrOf(error);
        const status = /returned error: (40[13])\b/.exec(stderr)?.[1] ??
            (/could not read Username|Authentication failed/i.test(stderr) ? '401' : undefined);
        if (!status)
            return error;
        return new errors/* UsageError */.eb(`${this.remote} refused ${what} (HTTP ${status}): give the job permissions: contents: ${access} ` +
            `and pass github-token: \${{ github.token }} to the action`);
    }
    async readAll(prefix) {
        const tip = await this.fetch();
        return tip ? await this.readAllAt(tip, [prefix]) : [];
    }
    /** Every record under `prefixes` at `treeish`: one ls-tree and one cat-file, however many records. */
    async readAllAt(treeish, prefixes) {
        const blobs = await this.recordBlobs(treeish, prefixes);
        const records = [];
        // Parsed as they stream in: a ten-year history is hundreds of megabytes of records.
        await this.catFile(blobs.map((b) => b.id), (text, i) => records.push(this.parse(text, blobs[i].path)));
        return records;
    }
    /** The record files under `prefixes` at `treeish`, in one ls-tree. */
    async recordBlobs(treeish, prefixes) {
        const listing = await this.git(['ls-tree', '-r', '--format=%(objectname) %(path)', treeish, '--', ...prefixes]);
        return listing
            .split('\n')
            .filter(Boolean)
            .map((line) => {
            const space = line.indexOf(' ');
            return { id: line.slice(0, space), path: line.slice(space + 1) };
        });
    }
    parse(text, file) {
        const where = `${file} on branch '${this.branch}'`;
        const fix = `remove or repair it with a commit on '${this.branch}' to continue`;
        return (0,record_file/* parseRunRecord */.Y)(text ?? '', where, fix);
    }
    /** The contents of objects (ids or `<tree-ish>:<path>`), undefined for those missing, in one cat-file. */
    async readBlobs(objects) {
        const texts = [];
        await this.catFile(objects, (text) => texts.push(text));
        return texts;
    }
    /** One `git cat-file --batch` for every object, each handed to `each` in order as soon as it has arrived. */
    catFile(objects, each) {
        if (objects.length === 0)
            return Promise.resolve();
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], {
                cwd: this.repoDir,
                env: { ...process.env, ...IDENTITY_ENV, ...this.gitEnv },
            });
            let pending = Buffer.alloc(0);
            let n = 0;
            let stderr = '';
            let failed;
            child.stdout.on('data', (chunk) => {
                pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
                try {
                    // Sizes in the batch headers are bytes, so cut the raw buffer, not a string.
                    for (;;) {
                        const headerEnd = pending.indexOf(0x0a);
                        if (headerEnd < 0)
                            break;
                        const header = pending.toString('utf8', 0, headerEnd);
                        if (header.endsWith(' missing')) {
                            each(undefined, n++);
                            pending = pending.subarray(headerEnd + 1);
                            continue;
                        }
                        const end = headerEnd + 1 + Number(header.slice(header.lastIndexOf(' ') + 1));
                        if (pending.length < end + 1)
                            break;
                        each(pending.toString('utf8', headerEnd + 1, end), n++);
                        pending = pending.subarray(end + 1);
                    }
                }
                catch (error) {
                    failed ??= error;
                    child.kill();
                }
            });
            child.stderr.on('data', (chunk) => {
                stderr += chunk.toString('utf8');
            });
            child.on('error', reject);
            child.on('close', (code) => {
                if (failed !== undefined)
                    reject(failed);
                else if (code !== 0)
                    reject(Object.assign(new Error(`git cat-file --batch exited ${code}`), { stderr }));
                else if (n !== objects.length)
                    reject(new Error(`git cat-file --batch gave ${n} of ${objects.length} objects`));
                else
                    resolve();
            });
            child.stdin.end(`${objects.join('\n')}\n`);
        });
    }
    async git(args, input, env = {}) {
        return (await this.gitRaw(args, input, env)).toString('utf8');
    }
    gitRaw(args, input, env = {}) {
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.execFile)('git', args, {
                cwd: this.repoDir,
                env: { ...process.env, ...IDENTITY_ENV, ...this.gitEnv, ...env },
                maxBuffer: 1 << 30,
                encoding: 'buffer',
            }, (error, stdout, stderr) => {
                if (error)
                    reject(Object.assign(error, { stderr: stderr.toString('utf8') }));
                else
                    resolve(stdout);
            });
            if (input !== undefined)
                child.stdin?.end(input);
        });
    }
}
function recordPath(record) {
    return `runs/${record.dagId}/${record.partition}/${record.runId}.json`;
}
/** Outside `runs/`, so a pipewright from before the index never reads it as a record. */
function indexPath(dagId) {
    return `index/${dagId}.json`;
}
function stderrOf(error) {
    return String(error.stderr ?? '');
}
function isRaceLoss(error) {
    return /non-fast-forward|fetch first|cannot lock ref|failed to update ref|incorrect old value/i.test(stderrOf(error));
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./src/site/sources.ts





/** Each pipeline's source; a bucket data root is checked (HeadBucket) before anything is built. */
async function siteSources(pipelines, options = {}) {
    return await Promise.all(pipelines.map(async (pipeline) => {
        const dataRoot = resolveDataRoot(pipeline, options.dataRoot, options.env);
        return { pipeline, dataRoot, ledger: options.ledger ?? (await dataRootHistory(dataRoot)) };
    }));
}
async function dataRootHistory(dataRoot) {
    return await dataRootLedger(await openDataRootForReading(dataRoot));
}
/** The spec of a ledger another thread can open; undefined for any other (it is read on the main thread). */
function ledgerSpec(ledger) {
    if (ledger instanceof FsLedger)
        return { fs: { dataRoot: ledger.dataRoot, index: ledger.indexed } };
    if (ledger instanceof GitLedger)
        return { git: ledger.options };
    if (ledger instanceof BucketLedger && ledger.store.kind === 's3')
        return { bucket: { dataRoot: ledger.store.url } };
    return undefined;
}
async function openLedger(spec) {
    if ('fs' in spec)
        return new fs_ledger_FsLedger(spec.fs.dataRoot, { index: spec.fs.index });
    if ('git' in spec)
        return new git_ledger_GitLedger(spec.git);
    return await dataRootHistory(spec.bucket.dataRoot);
}
/** The sources with each git ledger fetched once for the whole build: every page shows one state, read without a fetch each. */
async function snapshotSources(sources) {
    const snapshots = new Map();
    return await Promise.all(sources.map(async (source) => {
        if (!(source.ledger instanceof GitLedger))
            return source;
        let snapshot = snapshots.get(source.ledger);
        if (!snapshot) {
            snapshot = source.ledger.snapshot();
            snapshots.set(source.ledger, snapshot);
        }
        return { ...source, ledger: await snapshot };
    }));
}

;// CONCATENATED MODULE: ./src/site/site-worker.ts
// The worker thread of `buildPipelines` (threads.ts): opens its own ledger from a
// LedgerSpec, builds the pipelines it is sent one at a time and replies with what
// index.html needs, or what it threw. Its own bundle (dist/site-worker/), loaded by
// path, never imported.




const port = external_node_worker_threads_.parentPort;
if (port === null)
    throw new Error('site-worker runs as a worker thread');
port.on('message', async (job) => {
    let reply;
    try {
        const source = { pipeline: job.pipeline, dataRoot: job.dataRoot, ledger: await openLedger(job.ledger) };
        reply = { index: job.index, pages: await writePipelinePages(source, job.out, new Date(job.now)) };
    }
    catch (error) {
        reply = { index: job.index, thrown: (0,errors/* thrownData */.rG)(error) };
    }
    try {
        port.postMessage(reply);
    }
    catch (error) {
        // A field of the error that cannot be cloned: the message still goes.
        port.postMessage({ index: job.index, thrown: (0,errors/* thrownData */.rG)(new Error(String(error))) });
    }
});

