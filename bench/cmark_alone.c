/* cmark alone over the bodies of a corpus: reads each .md file of a folder, skips its front matter, renders the
 * body to HTML and frees it. The floor a Markdown-based generator cannot go below. Takes a folder rather than a
 * list of files, so that 100 000 paths do not overflow the command line. Usage: cmark_alone FOLDER */
#include <cmark.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t render(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); exit(2); }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (fread(text, 1, (size_t)size, file) != (size_t)size) { perror(path); exit(2); }
    fclose(file);
    text[size] = 0;
    char *body = text;
    if (strncmp(text, "---\n", 4) == 0) {
        char *end = strstr(text + 4, "\n---\n");
        if (end) body = end + 5;
    }
    char *html = cmark_markdown_to_html(body, strlen(body), CMARK_OPT_DEFAULT);
    size_t length = strlen(html);
    free(html);
    free(text);
    return length;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: cmark_alone FOLDER\n"); return 2; }
    DIR *folder = opendir(argv[1]);
    if (!folder) { perror(argv[1]); return 2; }
    size_t total = 0, files = 0;
    char path[4096];
    for (struct dirent *entry; (entry = readdir(folder));) {
        size_t length = strlen(entry->d_name);
        if (length < 3 || strcmp(entry->d_name + length - 3, ".md") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", argv[1], entry->d_name);
        total += render(path);
        files++;
    }
    closedir(folder);
    printf("%zu fichiers, %zu octets de HTML\n", files, total);
    return 0;
}
