export const id = 413;
export const ids = [413];
export const modules = {

/***/ 76413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BucketLedger: () => (/* binding */ BucketLedger)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8301);
/* harmony import */ var _map_limited_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(69270);
/* harmony import */ var _lease_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60139);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(69716);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4353);
/* harmony import */ var _record_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57963);
// The run ledger as objects (`state: bucket`), beside the git branch and the
// local files: one object per run at `_pipewright/runs/<dag_id>/<partition>/<run_id>.json`,
// listed by prefix. Runs write different objects, so concurrent runners never
// race the way pushes to one branch do. A partition is held by a lease at
// `_pipewright/leases/<dag_id>/<partition>.json` (lease.ts), which also tells a
// live `running` record from one whose runner died.







/** Reads at most this many record objects at once. */
const READ_CONCURRENCY = 32;
class BucketLedger {
    store;
    options;
    constructor(store, options = {}) {
        this.store = store;
        this.options = options;
    }
    /** The latest run of every partition that has one. */
    async latestRuns(dagId) {
        const latest = new Map();
        const byPartition = await this.recordKeys(dagId);
        const settled = await (0,_map_limited_js__WEBPACK_IMPORTED_MODULE_5__/* .mapLimited */ .b)([...byPartition.keys()], READ_CONCURRENCY, async (partition) => {
            const last = (await this.runs(dagId, partition)).at(-1);
            return [partition, last && (await this.settle(last))];
        });
        for (const [partition, record] of settled)
            if (record)
                latest.set(partition, record);
        return latest;
    }
    async latestRun(dagId, partition) {
        const last = (await this.runs(dagId, partition)).at(-1);
        return last && (await this.settle(last));
    }
    /** All runs of one partition, oldest first. */
    async runs(dagId, partition) {
        const prefix = `${this.partitionPrefix(dagId, partition)}/`;
        const keys = [];
        for await (const info of this.store.list(prefix))
            if (isRecordKey(info.key.slice(prefix.length)))
                keys.push(info.key);
        const records = await (0,_map_limited_js__WEBPACK_IMPORTED_MODULE_5__/* .mapLimited */ .b)(keys, READ_CONCURRENCY, (key) => this.readRecord(key));
        return records.filter((r) => r !== undefined).sort(_ledger_js__WEBPACK_IMPORTED_MODULE_6__/* .compareRuns */ .qB);
    }
    /** Every run of a pipeline, each partition's oldest first and its latest settled. */
    async history(dagId) {
        const byPartition = await this.recordKeys(dagId);
        return (await (0,_map_limited_js__WEBPACK_IMPORTED_MODULE_5__/* .mapLimited */ .b)([...byPartition.values()], READ_CONCURRENCY, (keys) => this.historyOf(keys))).flat();
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
            for (const runs of await (0,_map_limited_js__WEBPACK_IMPORTED_MODULE_5__/* .mapLimited */ .b)(batch, READ_CONCURRENCY, (keys) => this.historyOf(keys))) {
                if (runs.length > 0)
                    visit(runs);
            }
        }
    }
    /** One partition's runs (its record keys), oldest first, the latest settled. */
    async historyOf(keys) {
        const runs = (await Promise.all(keys.map((key) => this.readRecord(key))))
            .filter((r) => r !== undefined)
            .sort(_ledger_js__WEBPACK_IMPORTED_MODULE_6__/* .compareRuns */ .qB);
        const last = runs.pop();
        return last ? [...runs, await this.settle(last)] : [];
    }
    /** The key of the object that holds one run's record. */
    recordKey(record) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSafeSegment */ .rI)(record.runId, 'run id');
        return `${this.partitionPrefix(record.dagId, record.partition)}/${record.runId}.json`;
    }
    /** The key of a partition's lease. */
    leaseKey(dagId, partition) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSafeSegment */ .rI)(dagId, 'dag id');
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSafeSegment */ .rI)(partition, 'partition key');
        return `${_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .STATE_DIR */ .e$}/leases/${dagId}/${partition}.json`;
    }
    async write(record) {
        await this.store.write(this.recordKey(record), (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .toJsonText */ .jj)(record), { contentType: 'application/json' });
    }
    /** One run at a time per partition; throws PartitionBusyError while another run's lease is live. */
    async acquire(dagId, partition, runId) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSafeSegment */ .rI)(runId, 'run id');
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
        const prefix = `${this.dagPrefix(dagId)}/`;
        const byPartition = new Map();
        for await (const info of this.store.list(prefix)) {
            const [partition, name, ...rest] = info.key.slice(prefix.length).split('/');
            if (partition === undefined || name === undefined || rest.length > 0 || !isRecordKey(name))
                continue;
            const keys = byPartition.get(partition) ?? [];
            keys.push(info.key);
            byPartition.set(partition, keys);
        }
        return byPartition;
    }
    /** The record, or undefined when it was removed between the listing and the read. */
    async readRecord(key) {
        const text = await this.store.readText(key);
        return text === undefined ? undefined : (0,_record_file_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRunRecord */ .Y)(text, this.store.describe(key));
    }
    dagPrefix(dagId) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSafeSegment */ .rI)(dagId, 'dag id');
        return `${_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .STATE_DIR */ .e$}/runs/${dagId}`;
    }
    partitionPrefix(dagId, partition) {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSafeSegment */ .rI)(partition, 'partition key');
        return `${this.dagPrefix(dagId)}/${partition}`;
    }
}
function isRecordKey(name) {
    return name.endsWith('.json') && !name.includes('/');
}


/***/ })

};
