/**
 * The files in what was dropped: files as they are, folders walked to the bottom. Hidden files
 * (".DS_Store", ".git/…") are left out of folders, as a file manager hides them; `Thumbs.db` and
 * `desktop.ini` too. A file dropped on its own is always taken.
 */
export async function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = Array.from(transfer.items)
    .map((item) => (item.kind === "file" ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null);
  // Without entries (an older browser, a synthetic drop) the flat file list is what there is.
  if (entries.length === 0) return Array.from(transfer.files);
  const files: File[] = [];
  for (const entry of entries) {
    if (entry.isDirectory) files.push(...(await walk(entry as FileSystemDirectoryEntry)));
    else files.push(await fileOf(entry as FileSystemFileEntry));
  }
  return files;
}

/** Whether a file found inside a folder is one a person would not mean to upload. */
export function isHiddenInFolder(name: string): boolean {
  return name.startsWith(".") || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

async function walk(directory: FileSystemDirectoryEntry): Promise<File[]> {
  const files: File[] = [];
  for (const entry of await allEntries(directory)) {
    if (isHiddenInFolder(entry.name)) continue;
    if (entry.isDirectory) files.push(...(await walk(entry as FileSystemDirectoryEntry)));
    else files.push(await fileOf(entry as FileSystemFileEntry));
  }
  return files;
}

/** readEntries gives a folder's entries in batches (100 in Chromium) until it gives none. */
async function allEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}
