@echo off
rem The launcher of the Chapter 8 companion on Windows: ch08 --help. It mirrors the POSIX shim
rem ./ch08: find a JDK, then run tools\Ch08.java (Java 17+ runs a single source file directly).
setlocal
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
where "%JAVA%" >nul 2>nul || if not exist "%JAVA%" (
  echo ch08: no Java found: install a JDK 17 or newer, or set JAVA_HOME 1>&2
  exit /b 2
)
rem UTF-8 console for the Korean narration (--lang ko) and the box-drawing characters; the code
rem page the console had is put back afterwards.
set "CP="
for /f "tokens=2 delims=:." %%a in ('chcp') do set "CP=%%a"
chcp 65001 >nul
"%JAVA%" -Dch08.root="%ROOT%" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 "%ROOT%\tools\Ch08.java" %*
set "RC=%ERRORLEVEL%"
if defined CP chcp %CP% >nul
exit /b %RC%
