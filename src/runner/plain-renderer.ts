import { ListrTaskEventType, ListrTaskState, type ListrRenderer } from 'listr2';

type Tasks = ConstructorParameters<typeof ListrRenderer>[0];

export interface PlainRendererOptions {
  /** Where the lines go (stdout, or stderr when stdout carries the JSON report). */
  readonly stream?: NodeJS.WritableStream;
}

const endStates: readonly string[] = [
  ListrTaskState.COMPLETED,
  ListrTaskState.FAILED,
  ListrTaskState.SKIPPED,
];

/**
 * One plain line per event, for logs and CI: a line when a task starts and one when it ends
 * (its final title, which says its status), indented by depth. No colours, no cursor movement.
 */
export class PlainRenderer implements ListrRenderer {
  static nonTTY = true;
  static rendererOptions: PlainRendererOptions = {};
  static rendererTaskOptions: Record<string, never> = {};

  private readonly tasks: Tasks;
  private readonly stream: NodeJS.WritableStream;

  constructor(tasks: Tasks, options: PlainRendererOptions) {
    this.tasks = tasks;
    this.stream = options.stream ?? process.stdout;
  }

  render(): void {
    this.follow(this.tasks, 0);
  }

  end(): void {
    // Every line was written as it happened: nothing is left to draw.
  }

  private follow(tasks: Tasks, depth: number): void {
    const indent = '  '.repeat(depth);
    for (const task of tasks) {
      task.on(ListrTaskEventType.SUBTASK, (subtasks: Tasks) => {
        this.follow(subtasks, depth + 1);
      });
      task.on(ListrTaskEventType.MESSAGE, (message) => {
        if (task.hasTitle() && message.error !== undefined) {
          this.stream.write(`${indent}  ${message.error}\n`);
        }
      });
      task.on(ListrTaskEventType.STATE, (state) => {
        if (!task.hasTitle()) return;
        const title = task.title ?? '';
        if (state === ListrTaskState.STARTED) {
          this.stream.write(`${indent}${title} ...\n`);
        } else if (endStates.includes(state)) {
          this.stream.write(`${indent}${title}\n`);
        }
      });
    }
  }
}
