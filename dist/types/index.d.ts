export type { CsvFields, CsvReading } from './csv/reader.js';
export type { FailureClass } from './errors.js';
export { DataContractError, TransientError } from './errors.js';
export type { Logger } from './log.js';
export type { AtomicFile, AtomicWriter, Handler, ReadDatasetOptions, TaskContext, TaskOutcome, WriteResult, } from './run/context.js';
export type { PartFunction, PartWork } from './run/read-in-parts.js';
