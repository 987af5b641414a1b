/** Taskpane entry point: Office.js first, then React. */
import { whenOfficeReady } from '../office/when-office-ready';
import { startTaskpane } from './start-taskpane';

void whenOfficeReady().then(startTaskpane);
