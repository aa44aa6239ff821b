export const id = 794;
export const ids = [794];
export const modules = {

/***/ 6413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BucketLedger: () => (/* binding */ BucketLedger)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8301);
/* harmony import */ var _map_limited_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9270);
/* harmony import */ var _lease_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(139);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9716);
/* harmony import */ var _ledger_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9373);
/* harmony import */ var _object_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3266);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4353);
/* harmony import */ var _record_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7963);
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


/***/ })

};
