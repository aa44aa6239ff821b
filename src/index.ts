// The public entry of the `pipewright` package: what task code needs, nothing internal.
// Handlers import the types (`import type { TaskContext } from 'pipewright'`); the error
// classes are values too, matched by name, so a copy from the package classifies like ctx.errors.

export type { CsvFields, CsvReading } from './csv/reader.js';
export type { FailureClass } from './errors.js';
export { DataContractError, TransientError } from './errors.js';
export type { Logger } from './log.js';
export type {
  AtomicFile,
  AtomicWriter,
  Handler,
  ReadDatasetOptions,
  TaskContext,
  TaskOutcome,
  WriteResult,
} from './run/context.js';
export type { PartFunction, PartWork } from './run/read-in-parts.js';
