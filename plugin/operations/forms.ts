import type { AnyOperation } from '../core/operation.js';

const operations: AnyOperation[] = [];
export default operations;
