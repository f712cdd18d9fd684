package org.comptoir.export;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;

/**
 * Which column holds which field: recognised from the header, or chosen by the owner (a header name, or a
 * column letter, mapped to a field or to {@code ignore}). A file whose number column cannot be found, or where
 * two columns claim the same field, is refused before any row is looked at.
 */
record ImportColumns(Map<ImportField, Integer> columns) {

    static final String IGNORE = "ignore";

    Optional<Integer> of(ImportField field) {
        return Optional.ofNullable(columns.get(field));
    }

    static ImportColumns from(List<String> header, Map<String, String> overrides, String file) {
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        Set<Integer> decided = new HashSet<>();
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            int col = column(header, o.getKey(), file);
            decided.add(col);
            if (ImportField.normalise(o.getValue()).equals(IGNORE)) {
                continue;
            }
            ImportField field = ImportField.forCliName(o.getValue()).orElseThrow(() ->
                    SourceReader.problem("export.import.error.map.field", o.getValue()));
            if (columns.containsKey(field)) {
                throw SourceReader.problem("export.import.error.map.twice", field.cliName());
            }
            columns.put(field, col);
        }
        for (int col = 0; col < header.size(); col++) {
            if (decided.contains(col)) {
                continue;
            }
            Optional<ImportField> field = ImportField.forHeader(header.get(col));
            if (field.isEmpty() || columns.containsKey(field.get()) && overridden(overrides, field.get())) {
                continue; // an unknown column is left out; a field the owner mapped elsewhere too
            }
            if (columns.containsKey(field.get())) {
                throw SourceReader.problem("export.import.error.ambiguous", file, header.get(columns.get(field.get())),
                        header.get(col), field.get().cliName());
            }
            columns.put(field.get(), col);
        }
        if (!columns.containsKey(ImportField.PHONE)) {
            throw SourceReader.problem("export.import.error.no.phone", file, String.join(" | ", header));
        }
        return new ImportColumns(Map.copyOf(columns));
    }

    private static boolean overridden(Map<String, String> overrides, ImportField field) {
        return overrides.values().stream().anyMatch(v -> ImportField.forCliName(v).filter(field::equals).isPresent());
    }

    /** A header named as written (case and accents aside), else a column letter (A, B, … AA). */
    private static int column(List<String> header, String name, String file) {
        String n = ImportField.normalise(name);
        for (int i = 0; i < header.size(); i++) {
            if (ImportField.normalise(header.get(i)).equals(n)) {
                return i;
            }
        }
        if (name.strip().matches("[A-Za-z]{1,3}")) {
            int col = CellReference.convertColStringToIndex(name.strip().toUpperCase(java.util.Locale.ROOT));
            if (col < header.size()) {
                return col;
            }
        }
        throw SourceReader.problem("export.import.error.map.column", name, file, String.join(" | ", header));
    }
}
