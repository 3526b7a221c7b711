print("aimslint")
