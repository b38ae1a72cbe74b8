import { MemoryStore } from '@latch/server';
import { describeStoreConformance } from './store-conformance';

describeStoreConformance('MemoryStore', () => new MemoryStore());
