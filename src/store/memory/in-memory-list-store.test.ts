import { runListStoreConformance } from '../list-store.case.js';
import { InMemoryListStore } from './in-memory-list-store.js';

runListStoreConformance('InMemoryListStore', () => new InMemoryListStore());
