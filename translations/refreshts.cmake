# Refreshes one .ts file from the sources (run with cmake -P). The file in the
# source tree is rewritten only when its content changes, so an unchanged tree
# neither rebuilds the .qm files nor relinks the apps; the build's own copy,
# which lrelease reads, is always renewed.
# Inputs: LUPDATE, SOURCES_LIST (an @-file of sources), TS_FILE, OUT_FILE, OPTIONS
# (lupdate options in one space-separated string).
separate_arguments(options UNIX_COMMAND "${OPTIONS}")
set(work "${OUT_FILE}.work.ts")
file(COPY_FILE "${TS_FILE}" "${work}")
execute_process(COMMAND "${LUPDATE}" "@${SOURCES_LIST}" -ts "${work}" ${options}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed on ${TS_FILE}:\n${output}")
endif()
file(COPY_FILE "${work}" "${TS_FILE}" ONLY_IF_DIFFERENT)
file(RENAME "${work}" "${OUT_FILE}")
