"""The backend every front end uses: assessments now; referrals and the MASH workflow follow (issue 4)."""
