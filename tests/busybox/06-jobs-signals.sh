# background jobs, wait, kill, trap: the shell's signal handling
sleep 10 & pid=$!
kill $pid; wait $pid; echo "wait after kill: $?"
sleep 10 & pid=$!
kill -9 $pid; wait $pid; echo "wait after kill -9: $?"
trap 'echo got USR1' USR1
kill -USR1 $$; echo "after USR1"
trap - USR1
sh -c 'trap "echo sh got TERM; exit 3" TERM; kill -TERM $$; echo not reached'; echo "trapped TERM: $?"
( exit 5 ); echo "exit 5: $?"
sh -c 'kill -INT $$'; echo "self SIGINT: $?"
sleep 0.2 & sleep 0.1 & wait; echo "waited for both"
true & wait $!; echo "true in background: $?"
sh -c 'sleep 0.1; exit 4' & wait $!; echo "background sh: $?"
