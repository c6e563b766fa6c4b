# Fails the build when the app's JavaScript calls a function of web/page.js that
# cmake/closure_externs.js does not declare: Closure (ADVANCED) would shorten the name in the app's
# glue, and the call would go to a property page.js never defined, at run time only. Run in script
# mode:
#   cmake -DEXTERNS=<closure_externs.js> -DSTAMP=<file> -P check_closure_externs.cmake <sources...>
# The sources follow -P's arguments (CMAKE_ARGV<n>); each `mlpPage.<name>` in them is checked.
file(READ "${EXTERNS}" externs)
set(missing "")
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE 4 ${last})
  set(source "${CMAKE_ARGV${i}}")
  if(NOT source MATCHES "\\.(cpp|h|js)$")
    continue()
  endif()
  file(READ "${source}" text)
  string(REGEX MATCHALL "mlpPage\\.[A-Za-z_][A-Za-z0-9_]*" calls "${text}")
  foreach(call ${calls})
    if(NOT externs MATCHES "\n${call};")
      list(APPEND missing "${call} (${source})")
    endif()
  endforeach()
endforeach()
if(missing)
  list(REMOVE_DUPLICATES missing)
  string(REPLACE ";" "\n  " missing "${missing}")
  message(FATAL_ERROR "Declare these in ${EXTERNS}, or Closure renames them:\n  ${missing}")
endif()
file(WRITE "${STAMP}" "")
